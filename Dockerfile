# KitchenWorkflows server. Build:  docker build -t kitchenworkflows .
# Run on SQLite (data in a volume):  docker run -p 8080:8080 -v kw-data:/data kitchenworkflows
# PostgreSQL: add -e Storage__Provider=PostgreSql -e ConnectionStrings__PostgreSql="Host=...;Database=...;Username=...;Password=..."

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files and lock files only, so the layer is reused until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/KitchenWorkflows.Engine/*.csproj src/KitchenWorkflows.Engine/packages.lock.json src/KitchenWorkflows.Engine/
COPY src/KitchenWorkflows.Persistence/*.csproj src/KitchenWorkflows.Persistence/packages.lock.json src/KitchenWorkflows.Persistence/
COPY src/KitchenWorkflows.Scheduling/*.csproj src/KitchenWorkflows.Scheduling/packages.lock.json src/KitchenWorkflows.Scheduling/
COPY src/KitchenWorkflows.KitchenLab/*.csproj src/KitchenWorkflows.KitchenLab/packages.lock.json src/KitchenWorkflows.KitchenLab/
COPY src/KitchenWorkflows.Server/*.csproj src/KitchenWorkflows.Server/packages.lock.json src/KitchenWorkflows.Server/
COPY src/KitchenWorkflows.Studio/*.csproj src/KitchenWorkflows.Studio/packages.lock.json src/KitchenWorkflows.Studio/
RUN dotnet restore src/KitchenWorkflows.Server/KitchenWorkflows.Server.csproj --locked-mode
COPY .editorconfig ./
COPY src/ src/
COPY workflows/ workflows/
# The same publish the tests exercise (ops/publish.sh).
RUN dotnet publish src/KitchenWorkflows.Server/KitchenWorkflows.Server.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__DataDirectory=/data
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "KitchenWorkflows.Server.dll"]

# KitchenWorkflows server. Build:  docker build -t kitchenworkflows .
# Run on SQLite (data in a volume):  docker run -p 8080:8080 -v kw-data:/data kitchenworkflows
# PostgreSQL: add -e Storage__Provider=PostgreSql -e ConnectionStrings__PostgreSql="Host=...;Database=...;Username=...;Password=..."
# The data-protection key ring (sign-ins) is kept in the volume too; several nodes share one (see ops/compose.yaml).

# Elsa Studio's npm package (served at /elsa-studio), fetched with npm at the version the server's build pins; the build
# below checks it against the pinned integrity and unpacks it, as on a developer's machine.
FROM node:20-bookworm-slim AS elsa-studio
WORKDIR /package
COPY src/KitchenWorkflows.Server/ElsaStudio/ElsaStudioPackage.targets ./
RUN npm pack "$(sed -n 's:.*<ElsaStudioPackageName>\(.*\)</ElsaStudioPackageName>.*:\1:p' ElsaStudioPackage.targets)@$(sed -n 's:.*<ElsaStudioPackageVersion>\(.*\)</ElsaStudioPackageVersion>.*:\1:p' ElsaStudioPackage.targets)" --silent

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files and lock files only, so the layer is reused until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/KitchenWorkflows.Engine/*.csproj src/KitchenWorkflows.Engine/packages.lock.json src/KitchenWorkflows.Engine/
COPY src/KitchenWorkflows.Persistence/*.csproj src/KitchenWorkflows.Persistence/packages.lock.json src/KitchenWorkflows.Persistence/
COPY src/KitchenWorkflows.Scheduling/*.csproj src/KitchenWorkflows.Scheduling/packages.lock.json src/KitchenWorkflows.Scheduling/
COPY src/KitchenWorkflows.KitchenLab/*.csproj src/KitchenWorkflows.KitchenLab/packages.lock.json src/KitchenWorkflows.KitchenLab/
COPY src/KitchenWorkflows.CSharp/*.csproj src/KitchenWorkflows.CSharp/packages.lock.json src/KitchenWorkflows.CSharp/
COPY src/KitchenWorkflows.Server/*.csproj src/KitchenWorkflows.Server/packages.lock.json src/KitchenWorkflows.Server/
COPY src/KitchenWorkflows.Server/ElsaStudio/ElsaStudioPackage.targets src/KitchenWorkflows.Server/ElsaStudio/
COPY src/KitchenWorkflows.Studio/*.csproj src/KitchenWorkflows.Studio/packages.lock.json src/KitchenWorkflows.Studio/
RUN dotnet restore src/KitchenWorkflows.Server/KitchenWorkflows.Server.csproj --locked-mode
COPY .editorconfig ./
COPY src/ src/
COPY workflows/ workflows/
COPY --from=elsa-studio /package/*.tgz /elsa-studio-cache/
# The same publish the tests exercise (ops/publish.sh), with the package the stage above fetched as its cache.
RUN dotnet publish src/KitchenWorkflows.Server/KitchenWorkflows.Server.csproj -c Release --no-restore -o /app -p:ElsaStudioCacheDirectory=/elsa-studio-cache

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# /keys: where ops/compose.yaml mounts the key ring the nodes share; a volume mounted on a folder of the image takes its owner.
RUN mkdir -p /data /keys && chown app:app /data /keys
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__DataDirectory=/data \
    DataProtection__KeyRingPath=/data/keys
VOLUME ["/data"]
EXPOSE 8080
# The runtime image has no curl or wget; bash's /dev/tcp is enough to ask /health/ready (database and Hangfire storage).
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=6 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && read -r status <&3 && [[ $status == *' 200 '* ]]"]
ENTRYPOINT ["dotnet", "KitchenWorkflows.Server.dll"]

#!/usr/bin/env bash
# Publishes the server the way the Dockerfile does, into artifacts/publish (or $1).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/publish}
dotnet publish src/KitchenWorkflows.Server/KitchenWorkflows.Server.csproj -c Release -o "$out"

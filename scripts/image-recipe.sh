#!/usr/bin/env bash
# The Dockerfile's steps without Docker, so CI proves the image's recipe on a machine with no
# container runtime: a clean copy of the repository, the build stage (npm ci, npm run build),
# then a runtime directory holding only the built output and production dependencies
# (npm ci --omit=dev), started as the image starts it (node dist/main.js, demo mode), queried,
# sent SIGTERM, and required to exit 0.
#
#   bash scripts/image-recipe.sh            # the committed HEAD
#   RECIPE_REF=<commit> bash scripts/image-recipe.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REF="${RECIPE_REF:-HEAD}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/crmgraph-image.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
BUILD="$WORK/build"
APP="$WORK/app"
STARTED=$(date +%s)
step() { printf '\n[image-recipe +%ss] %s\n' "$(($(date +%s) - STARTED))" "$*"; }
npm_quiet() { npm "$@" --no-audit --no-fund --loglevel=error; }

step "build stage: clean copy of $REF (what git tracks, as the Docker context minus .dockerignore)"
mkdir -p "$BUILD" "$APP/scripts"
git -C "$ROOT" archive --format=tar "$REF" | tar -x -C "$BUILD"
(cd "$BUILD" && npm_quiet ci && npm run build --silent)
test -f "$BUILD/dist/main.js" || { echo "build left no dist/main.js" >&2; exit 1; }
test -f "$BUILD/dist/graphiql/manifest.json" || { echo "build left no playground bundle" >&2; exit 1; }

step "runtime stage: package files, production dependencies only"
cp "$BUILD/package.json" "$BUILD/package-lock.json" "$APP/"
cp "$BUILD/scripts/postinstall.mjs" "$APP/scripts/"
(cd "$APP" && NODE_ENV=production npm_quiet ci --omit=dev)
cp -R "$BUILD/dist" "$APP/dist"
cp -R "$BUILD/schema" "$APP/schema"
# Nothing the build needs may be what the runtime relies on.
for dev in tsx typescript jest; do
  if [ -e "$APP/node_modules/$dev" ]; then echo "$dev is installed in the runtime stage" >&2; exit 1; fi
done
echo "runtime: $(du -sh "$APP/node_modules" | cut -f1) of node_modules, $(du -sh "$APP/dist" | cut -f1) of dist"

step "start node dist/main.js (demo mode), query, SIGTERM"
node "$BUILD/scripts/smoke-prod.mjs" "$APP"

step "image recipe passed"

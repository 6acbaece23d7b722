# syntax=docker/dockerfile:1
# crmgraph's production image. scripts/image-recipe.sh runs these same steps without Docker,
# and CI runs it, so a change here belongs there too.
ARG NODE_IMAGE=node:20-bookworm-slim

# Build stage: every dependency, the compiled gateway (dist/) and the playground bundle
# (dist/graphiql, built by npm's postinstall and checked again by npm run build).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

# Runtime stage: production dependencies and the built output only: no sources, no tsx.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# npm's postinstall, which here only notes that the bundle comes prebuilt.
COPY scripts/postinstall.mjs scripts/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
COPY schema schema
# Files stay root's, read-only to the process: the gateway writes nothing to disk.
USER node
EXPOSE 4000
# Liveness only (the process serves); readiness is /readyz, for a load balancer or orchestrator.
# PORT is the one a platform may assign; a config file's server.port applies when PORT is unset.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and gets SIGTERM itself (no shell, no npm in between): it drains, then exits 0.
# No config = demo mode; mount one and set CRMGRAPH_CONFIG (see deploy/kubernetes).
CMD ["node", "dist/main.js"]

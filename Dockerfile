# syntax=docker/dockerfile:1
# Sitrep bot: build, prune to production dependencies, run as a non-root user.
# .ci/run follows the same steps without Docker (install, build, prune, start, /healthz, SIGTERM).

# --- build: compile TypeScript; better-sqlite3 compiles from source here -------------------------
FROM node:20-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# node-gyp builds against the Node headers that ship in the image (/usr/local/include/node), so it
# needs no download. (On the CI machine, Node lives under /usr: .ci/run sets /usr instead.)
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
# Dependencies first, so source edits reuse this layer. Scripts are skipped (`prepare` would build
# before the sources are here); only better-sqlite3's native build is run.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

# --- runtime: dist/, production node_modules/, the subjects and the config -----------------------
FROM node:20-slim
# A container has no terminal: with SITREP_CONSOLE=off and no Slack or Discord secrets, the bot posts
# nothing and says so, rather than printing digests into `docker logs`. `docker run -it -e
# SITREP_CONSOLE=auto sitrep` gives the console.
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    SITREP_DB=/app/var/sitrep.db \
    SITREP_CONSOLE=off
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY briefings ./briefings
COPY config ./config
RUN mkdir -p var && chown node:node var
USER node
# Digest runs, subscriptions and the extract cache live here: keep it across redeploys.
VOLUME /app/var
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself: it stops taking requests, finishes posts in flight,
# closes the database and exits 0 (within 8 s, under `docker stop`'s 10).
CMD ["node", "dist/cli.js", "start"]

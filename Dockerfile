# One image for every role: `telex start --role fetcher|extractor|enricher|api|all`.

# Build stage: all dependencies, then tsc to dist/, then only production dependencies kept.
# (The compilers here serve better-sqlite3, whose install builds from source where no
# prebuilt binary is at hand; none of them reaches the final image.)
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs ./scripts/
COPY src ./src
# `npm ci` runs the package's prepare script, which is `npm run build`.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# jemalloc hands freed memory back to the system on its own (decay), which keeps an
# idle worker's RSS near its size at start after a burst (docs/operations.md, section 7).
RUN apt-get update && apt-get install -y --no-install-recommends libjemalloc2 && rm -rf /var/lib/apt/lists/* \
  && ln -s "$(find /usr/lib -name libjemalloc.so.2 | head -n1)" /usr/local/lib/libjemalloc.so.2
ENV NODE_ENV=production
ENV LD_PRELOAD=/usr/local/lib/libjemalloc.so.2
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY config ./config
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 8080
# The main thread's young generation capped at 8 MiB per semi-space (docs/operations.md, section 2).
ENTRYPOINT ["node", "--max-semi-space-size=8", "dist/cli/main.js"]
CMD ["start", "--role", "all"]

# One image for every role: `telex start --role fetcher|extractor|enricher|api|all`.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts/tune-linkedom.mjs scripts/build-native.mjs ./scripts/
COPY native ./native
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/native ./native
COPY package.json package-lock.json ./
COPY bin ./bin
COPY lib ./lib
COPY src ./src
COPY config ./config
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 8080
# The main thread's young generation capped at 8 MiB per semi-space (docs/operations.md, section 2).
ENTRYPOINT ["node", "--max-semi-space-size=8", "bin/telex.js"]
CMD ["start", "--role", "all"]

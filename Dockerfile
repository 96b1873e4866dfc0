# The Hindsight GitHub App as one container: `node dist/server.js`. The bundle in dist/ carries
# every dependency, so the image holds no node_modules. Build after `npm run build`:
#   docker build -t hindsight .
#   docker run -p 3000:3000 -e APP_ID -e PRIVATE_KEY -e WEBHOOK_SECRET [-e REDIS_URL] hindsight
# See docs/deploy.md (one container, several with Redis, serverless).
FROM node:24-slim
WORKDIR /app
COPY package.json ./
COPY dist ./dist
COPY templates ./templates
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_LEVEL=info
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]

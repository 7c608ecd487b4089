#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql for the change of schema.prisma since a git
# revision (default HEAD), without Prisma's native schema engine: Prisma 6.19's CLI diffs the two
# datamodels with its WebAssembly engine. The toolchain lives in a temp folder, not in the project.
#   bash prisma/scripts/new-migration.sh add_extensions [BASE_REV]
set -euo pipefail
name=${1:?usage: new-migration.sh <name> [base-rev]}
base=${2:-HEAD}
here=$(cd "$(dirname "$0")/.." && pwd)
tool=${PRISMA6_DIR:-/tmp/infer-lab-prisma6}
if [ ! -x "$tool/node_modules/.bin/prisma" ]; then
  mkdir -p "$tool" && (cd "$tool" && npm init -y >/dev/null &&
    npm install --silent prisma@6.19 @prisma/client@6.19 pglite-prisma-adapter@0.6 @electric-sql/pglite)
fi
# Prisma 6 wants the classic generator and a datasource url; neither matters for a diff.
to_v6() { sed 's/"prisma-client"/"prisma-client-js"/; /^ *output *=/d; /^ *moduleFormat *=/d; /^ *runtime *=/d; s/^datasource db {/datasource db {\n  url = env("DATABASE_URL")/'; }
git -C "$here" show "$base:prisma/schema.prisma" | to_v6 > "$tool/from.prisma"
to_v6 < "$here/schema.prisma" > "$tool/to.prisma"
cat > "$tool/prisma.config.ts" <<'TS'
import { PGlite } from '@electric-sql/pglite';
import { defineConfig } from 'prisma/config';
import { PrismaPGlite } from 'pglite-prisma-adapter';
export default defineConfig({
  experimental: { adapter: true }, engine: 'js', schema: 'to.prisma',
  adapter: async () => new PrismaPGlite(new PGlite()),
} as never);
TS
dir="$here/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
(cd "$tool" && DATABASE_URL=postgresql://unused PRISMA_SCHEMA_ENGINE_BINARY=/bin/false \
  PRISMA_QUERY_ENGINE_LIBRARY=/bin/false PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1 \
  npx prisma migrate diff --from-schema-datamodel from.prisma --to-schema-datamodel to.prisma --script) \
  > "$dir/migration.sql"
echo "wrote $dir/migration.sql"

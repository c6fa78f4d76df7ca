#!/usr/bin/env bash
# Builds `cayley` from the Cayley module newsgraph pins (go.mod), in a
# temporary module outside the repository, and prints the binary's path.
# The binary is kept in $1 (default: a folder in the system's temporary
# folder) and reused while the pinned version does not change.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(go list -m -f '{{.Version}}' github.com/cayleygraph/cayley)"
out="${1:-${TMPDIR:-/tmp}/newsgraph-bench}/cayley-$version"
if [ -x "$out" ]; then echo "$out"; exit 0; fi
mkdir -p "$(dirname "$out")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  go mod init cayleyload >/dev/null 2>&1
  # The checksum database does not know this pseudo-version (see GUIDE).
  GONOSUMDB=github.com/cayleygraph/cayley GOFLAGS=-mod=mod \
    go get "github.com/cayleygraph/cayley/cmd/cayley@$version" >&2
  go build -o "$out" github.com/cayleygraph/cayley/cmd/cayley >&2
)
echo "$out"

#!/bin/sh
# Entry point of the tester image: the commands that talk to Stride get --base-url and --out
# from STRIDE_BASE_URL and STRIDE_OUT (import writes its report where --report says, or to
# standard output); anything else (--help, --version, help, generate-files) passes as it is.
# The token stays in the environment (STRIDE_TOKEN, which the tester reads itself): made into
# --token it would show in the process list (ps, docker top).
set -eu
jar=/app/stride-tester.jar
case "${1:-}" in
  simulate | stats | export | import)
    command="$1"
    shift
    exec java -jar "$jar" "$command" --base-url "$STRIDE_BASE_URL" --out "$STRIDE_OUT" "$@"
    ;;
  *) exec java -jar "$jar" "$@" ;;
esac

# Defaults of the settings that payara/post-boot.asadmin reads from the environment. Sourced by
# payara/launch.sh (native and Docker) and by ./stride test (for the Payara Micro that Arquillian
# starts), so that both run Payara with the same configuration.
export DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}" DB_NAME="${DB_NAME:-stride}"
export DB_USER="${DB_USER:-stride}" DB_PASSWORD="${DB_PASSWORD:-}"
export DB_POOL_MIN="${DB_POOL_MIN:-4}" DB_POOL_MAX="${DB_POOL_MAX:-9}"
export DB_POOL_MAX_WAIT_MS="${DB_POOL_MAX_WAIT_MS:-3000}" DB_POOL_LEAK_TIMEOUT_S="${DB_POOL_LEAK_TIMEOUT_S:-0}"
export HTTP_THREADS="${HTTP_THREADS:-8}" HTTP_ADDRESS="${HTTP_ADDRESS:-127.0.0.1}"
# Payara's pool refuses to connect without a password; a server with trust auth ignores it.
[[ -n "$DB_PASSWORD" ]] || export DB_PASSWORD=unused

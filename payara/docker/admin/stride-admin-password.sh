# Sourced (not run) by the payara/server-full image's entrypoint before the domain starts:
# replaces the image's built-in admin password ("admin") with PAYARA_ADMIN_PASSWORD, so that
# the console on 127.0.0.1:4848 has no default password. Idempotent: it does nothing when the
# password file already holds that password (a restarted container).
if [ -z "${PAYARA_ADMIN_PASSWORD:-}" ]; then
  echo "[stride] PAYARA_ADMIN_PASSWORD is not set: refusing to start with the default admin password" >&2
  exit 1
fi
if ! grep -qxF "AS_ADMIN_PASSWORD=${PAYARA_ADMIN_PASSWORD}" "${PASSWORD_FILE}"; then
  stride_old_password="$(sed -n 's/^AS_ADMIN_PASSWORD=//p' "${PASSWORD_FILE}" | tail -n 1)"
  stride_change_file="$(mktemp)"
  printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_NEWPASSWORD=%s\n' "${stride_old_password}" "${PAYARA_ADMIN_PASSWORD}" >"${stride_change_file}"
  if ! "${PAYARA_DIR}/bin/asadmin" --user="${ADMIN_USER}" --passwordfile="${stride_change_file}" \
      change-admin-password --domain_name="${DOMAIN_NAME}"; then
    rm -f "${stride_change_file}"
    echo "[stride] could not change the admin password" >&2
    exit 1
  fi
  rm -f "${stride_change_file}"
  # The image's scripts log in with the password file: keep it in step.
  sed -i '/^AS_ADMIN_PASSWORD=/d' "${PASSWORD_FILE}"
  printf 'AS_ADMIN_PASSWORD=%s\n' "${PAYARA_ADMIN_PASSWORD}" >>"${PASSWORD_FILE}"
  echo "[stride] admin password set from PAYARA_ADMIN_PASSWORD"
fi

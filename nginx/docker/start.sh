#!/bin/sh
# The command of the Nginx container: render the configuration of nginx/ with the container's
# settings (see nginx/Dockerfile), then run Nginx in the foreground. A certificate mounted at
# /etc/nginx/tls/{fullchain,privkey}.pem is used; without one render.sh makes a self-signed one.
set -eu
if [ -s /etc/nginx/tls/fullchain.pem ] && [ -s /etc/nginx/tls/privkey.pem ]; then
  export NGINX_TLS_CERT=/etc/nginx/tls/fullchain.pem NGINX_TLS_KEY=/etc/nginx/tls/privkey.pem
fi
sh /srv/stride-nginx/render.sh /run/stride-nginx
exec nginx -p /run/stride-nginx -c /run/stride-nginx/conf/nginx.conf -g 'daemon off;'

// The words images print and serve, kept apart from the catalog so its entries stay short.
// Each is the real image's text (trimmed where it is long and nobody reads it), as a
// template for behaviour.ts's fillTemplate: {{version}}, {{hostname}}, {{podIP}} and the
// timestamp forms.

/** /usr/share/nginx/html/index.html of the nginx image (1.19 and later). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's built-in error page (ngx_http_special_response.c) with server_tokens on. */
export const NGINX_404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/{{version}}</center>
</body>
</html>
`;

/** The docker-entrypoint.sh lines and the master process's notices, as `kubectl logs` shows them. */
export const NGINX_LOGS = [
  "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
  "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
  "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
  "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
  "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
  "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
  "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
  "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
  "/docker-entrypoint.sh: Configuration complete; ready for start up",
  '{{nginxTime}} [notice] 1#1: using the "epoll" event method',
  "{{nginxTime}} [notice] 1#1: nginx/{{version}}",
  "{{nginxTime}} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ",
  "{{nginxTime}} [notice] 1#1: OS: Linux 6.8.0-1015-gcp",
  "{{nginxTime}} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
  "{{nginxTime}} [notice] 1#1: start worker processes",
  "{{nginxTime}} [notice] 1#1: start worker process 29",
];

/** htdocs/index.html of the httpd image. */
export const HTTPD_INDEX = "<html><body><h1>It works!</h1></body></html>\n";

/** Apache's 404 with the httpd image's defaults (no ServerSignature). */
export const HTTPD_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

export const HTTPD_LOGS = [
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message",
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message",
  "[{{apacheTime}}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/{{version}} (Unix) configured -- resuming normal operations",
  "[{{apacheTime}}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
];

/** php:5-apache (Debian) as the HPA walkthrough's php-apache runs it. */
export const PHP_APACHE_LOGS = [
  "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message",
  "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message",
  "[{{apacheTime}}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.14 configured -- resuming normal operations",
  "[{{apacheTime}}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'",
];

export const PHP_APACHE_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
<hr>
<address>Apache/2.4.10 (Debian) Server at {{podIP}} Port 80</address>
</body></html>
`;

export const REDIS_LOGS = [
  "1:C {{redisTime}} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
  "1:C {{redisTime}} * Redis version={{version}}, bits=64, commit=00000000, modified=0, pid=1, just started",
  "1:C {{redisTime}} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
  "1:M {{redisTime}} * monotonic clock: POSIX clock_gettime",
  "1:M {{redisTime}} * Running mode=standalone, port=6379.",
  "1:M {{redisTime}} * Server initialized",
  "1:M {{redisTime}} * Ready to accept connections tcp",
];

/** docker-entrypoint.sh's docker_verify_minimum_env (mysql_error). */
export const MYSQL_NO_PASSWORD_LOGS = [
  "{{mysqlTime}} [Note] [Entrypoint]: Entrypoint script for MySQL Server {{version}}-1.el9 started.",
  "{{mysqlTime}} [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
  "{{mysqlTime}} [Note] [Entrypoint]: Entrypoint script for MySQL Server {{version}}-1.el9 started.",
  "{{mysqlTime}} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
  "    You need to specify one of the following as an environment variable:",
  "    - MYSQL_ROOT_PASSWORD",
  "    - MYSQL_ALLOW_EMPTY_PASSWORD",
  "    - MYSQL_RANDOM_ROOT_PASSWORD",
];

export const MYSQL_LOGS = [
  "{{mysqlTime}} [Note] [Entrypoint]: Entrypoint script for MySQL Server {{version}}-1.el9 started.",
  "{{mysqlTime}} [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
  "{{mysqlTime}} [Note] [Entrypoint]: Entrypoint script for MySQL Server {{version}}-1.el9 started.",
  "{{mysqlTime}} [Note] [Entrypoint]: Initializing database files",
  "{{mysqlTime}} [Note] [Entrypoint]: Database files initialized",
  "{{mysqlTime}} [Note] [Entrypoint]: MySQL init process done. Ready for start up.",
  "{{mysqlTime}} [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '{{version}}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
];

/** docker-entrypoint.sh's docker_verify_minimum_env, printed with `cat >&2`. */
export const POSTGRES_NO_PASSWORD_LOGS = [
  "Error: Database is uninitialized and superuser password is not specified.",
  "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  "",
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  "       connections without a password. This is *not* recommended.",
  "",
  '       See PostgreSQL documentation about "trust":',
  "       https://www.postgresql.org/docs/current/auth-trust.html",
];

export const POSTGRES_LOGS = [
  "The files belonging to this database system will be owned by user \"postgres\".",
  "This user must also own the server process.",
  "",
  "PostgreSQL init process complete; ready for start up.",
  "",
  "{{pgTime}} [1] LOG:  starting PostgreSQL {{version}} (Debian {{version}}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
  '{{pgTime}} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
  '{{pgTime}} [1] LOG:  listening on IPv6 address "::", port 5432',
  '{{pgTime}} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
  "{{pgTime}} [1] LOG:  database system is ready to accept connections",
];

/** Go's http.NotFound, the answer of agnhost's and other Go servers' unrouted paths. */
export const GO_404 = "404 page not found\n";

/** elazarl/goproxy's NonproxyHandler (http.Error adds the newline). */
export const GOPROXY_NON_PROXY = "This is a proxy server. Does not respond to non-proxy requests.\n";

/** The guestbook frontend's page (shortened: its Angular form markup is left out). */
export const GUESTBOOK_INDEX = `<html ng-app="redis">
  <head>
    <title>Guestbook</title>
  </head>
  <body ng-controller="RedisCtrl">
    <div style="width: 50%; margin-left: 20px">
      <h2>Guestbook</h2>
    </div>
  </body>
</html>
`;

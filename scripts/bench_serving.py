#!/usr/bin/env python3
"""Serving benchmark (`make bench-serving`): `make serve` under wrk, beside nginx.

On loopback, with the demo content in a PostgreSQL database `bench` and Redis as
the cache, both a private pair that scripts/services.sh starts on other ports
(5433, 6380) so that stopping them leaves the test services alone:

1. wrk, for --duration seconds at --connections: nginx serving the story's HTML
   from a file (the machine's limit), the hot story (cached; plain and gzip), the
   same story through an nginx proxy cache in front of gunicorn (as in
   deploy/nginx.conf), a campaign page (cached), the story with a unique query
   string (each request a cache miss), the search page over the search
   benchmark's queries, and suggest.
2. Faults under load: Redis stopped (no 5xx allowed) and PostgreSQL restarted
   (requests recover within 5 s, no 5xx after).

Writes a JSON file and prints req/s, p50/p99 latency and errors for each run and
the ratio of nginx to the cached story, judged on back-to-back pairs of short
runs (--ratio-rounds) so that a load that drifts between runs moves both sides. Exits 1 when a run had errors or a fault
target was missed. Needs root to install Debian's wrk and nginx when missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "scripts" / "bench_serving.lua"
RECOVERY_LIMIT_S = 5
NGINX_CONF = """\
worker_processes auto;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path {work}/nginx-tmp;
  proxy_temp_path {work}/nginx-tmp;
  fastcgi_temp_path {work}/nginx-tmp;
  uwsgi_temp_path {work}/nginx-tmp;
  scgi_temp_path {work}/nginx-tmp;
  proxy_cache_path {work}/nginx-cache keys_zone=pages:10m;
  server {{
    listen 127.0.0.1:{port};
    root {work}/www;
    location / {{ try_files /story.html =404; }}
  }}
  # deploy/nginx.conf's cache in front of gunicorn: it keeps what Cache-Control allows.
  server {{
    listen 127.0.0.1:{proxy_port};
    location / {{
      proxy_pass http://127.0.0.1:{upstream_port};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_cache pages;
      proxy_cache_key $host$request_uri;
      proxy_cache_lock on;
      add_header X-Proxy-Cache $upstream_cache_status always;
    }}
  }}
}}
"""


def log(message):
    print(f"bench-serving: {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout, process=None, what="server"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"{what} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{what} did not answer on :{port} within {timeout} s")


def ensure_debian_packages(commands):
    """Install Debian's package for each missing command, as scripts/system-deps.sh does."""
    missing = [pkg for cmd, pkg in commands.items() if not shutil.which(cmd)]
    if not missing:
        return
    if os.geteuid() != 0:
        raise SystemExit(f"missing Debian packages: {' '.join(missing)} (apt-get install them)")
    log(f"installing {' '.join(missing)} …")
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


class Services:
    """The benchmark's own PostgreSQL and Redis, through scripts/services.sh."""

    def __init__(self, pg_port, redis_port, folder):
        self.pg_port, self.redis_port = pg_port, redis_port
        self.env = os.environ | {
            "EXEMPLARS_SERVICES_DIR": str(folder),
            "EXEMPLARS_PG_PORT": str(pg_port),
            "EXEMPLARS_REDIS_PORT": str(redis_port),
        }

    def __call__(self, command):
        subprocess.run(
            ["bash", "scripts/services.sh", command],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def fresh_database(self, name):
        """Each run starts empty: the demo's images live in the run's own media folder,
        so rows left from an earlier run would name files that are gone."""
        psql = ["psql", "-q", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "-c"]
        subprocess.run(
            [*psql, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", "postgres"], check=True
        )
        subprocess.run([*psql, f"CREATE DATABASE {name}", "postgres"], check=True)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            # The message itself: header names are case-insensitive (gunicorn's
            # ASGI worker sends them in lower case).
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def wrk(url, duration, connections, threads, paths=None, track=False, work=None, headers=()):
    env = dict(os.environ)
    if paths:
        paths_file = Path(tempfile.mkstemp(suffix=".paths", dir=work)[1])
        paths_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
        env["BENCH_PATHS"] = str(paths_file)
    if track:
        env["BENCH_TRACK"] = "1"
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        *[arg for header in headers for arg in ("-H", header)],
        url,
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    line = next((x for x in result.stdout.splitlines() if x.startswith("BENCH_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no result:\n{result.stdout}\n{result.stderr}")
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "req_per_s": round(raw["requests"] / seconds, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "max_ms": round(raw["max_us"] / 1000, 2),
        "errors": sum(raw["errors"].values()),
        "error_kinds": raw["errors"],
        "per_second": raw["per_second"],
    }


def page_urls(env, python):
    """The demo's newest story, a campaign page and the benchmark's search queries."""
    code = """
import json
from urllib.parse import urlencode
from exemplars.models import CampaignPage, ExemplarStoryPage
from demo.search_benchmark.queries import mix
story = ExemplarStoryPage.objects.live().order_by("-published_at").first()
campaign = CampaignPage.objects.live().first()
searches, suggests = [], []
for query in mix(200):
    searches.append("/search/?" + urlencode({"q": query.q, **query.filters}))
    word = query.q.lstrip('-"').split(" ")[0]
    suggests.append("/api/search/suggest/?" + urlencode({"q": word[:4]}))
print(json.dumps({
    "story": story.get_url_parts()[2],
    "campaign": campaign.get_url_parts()[2],
    "search": searches,
    "suggest": suggests,
}))
"""
    result = subprocess.run(
        [python, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def drain(url, quiet_ms=200, timeout=120):
    """Wait until gunicorn has worked off what the last run left queued (wrk's
    unanswered requests are still served after it stops), so runs do not overlap."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.monotonic()
        fetch(url)
        if (time.monotonic() - started) * 1000 < quiet_ms:
            return
        time.sleep(0.5)


def at(delay, action, times, key):
    def run():
        time.sleep(delay)
        times[key + "_start"] = time.time()
        action()
        times[key + "_end"] = time.time()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def per_second(run, cls):
    out = {}
    for key, n in run["per_second"].items():
        second, kind = key.split(":")
        if kind == cls:
            out[int(second)] = out.get(int(second), 0) + n
    return out


def new_user_run(options, python, failures):
    """`make serve` as a new user runs it: no variables at all (SQLite in the
    checkout, Redis started by the Makefile), measured on the cached story; then
    a story published from another process (a shell, as cron's
    publish_scheduled or an import would) must reach every worker at once."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_", "EXEMPLARS_"))
    }
    work = Path(tempfile.mkdtemp(prefix="bench-new-user-"))
    server_log = open(work / "serve.log", "w")
    log(f"new user: make serve on {base} (log in {work}/serve.log)")
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"HOST=127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    result = {}
    try:
        wait_for_port(port, 900, server, "make serve")
        urls = page_urls(env, python)
        story = base + urls["story"]
        for _ in range(2):
            fetch(story)
        result["x_page_cache"] = fetch(story)[1].get("X-Page-Cache", "absent")
        run = wrk(story, options.duration, options.connections, options.threads, work=work)
        run.pop("per_second")
        result["cached_story"] = run
        if run["errors"]:
            failures.append(f"new user's cached story: {run['errors']} errors")
        drain(story)
        # The editor's process: the server's own environment, as cron's would be.
        editor_env = env | {
            "DJANGO_SECRET_KEY": (ROOT / "var" / "secret-key").read_text().strip(),
            "REDIS_URL": "redis://127.0.0.1:6379/1",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "EXEMPLARS_ENV_FILE": os.devnull,
        }
        title = f"Tiêu đề sửa lúc {time.time():.0f}"
        code = (
            "from exemplars.models import ExemplarStoryPage as S; "
            f"s = S.objects.live().order_by('-published_at').first(); s.title = {title!r}; "
            "s.save_revision().publish()"
        )
        subprocess.run(
            ["bash", "deploy/manage.sh", "shell", "-c", code],
            cwd=ROOT,
            env=editor_env,
            check=True,
            capture_output=True,
        )
        # Each on its own connection, so every worker answers some.
        answers = [title.encode() in fetch(story)[2] for _ in range(24)]
        result["after_publish_from_another_process"] = {
            "requests": len(answers),
            "showing_the_new_title": sum(answers),
        }
        if not all(answers):
            failures.append(f"new user: {answers.count(False)} of 24 answers were stale")
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        server_log.close()
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default="bench-serving.json")
    parser.add_argument("--duration", type=int, default=20, help="seconds per run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--pg-port", type=int, default=5433)
    parser.add_argument("--redis-port", type=int, default=6380)
    parser.add_argument("--keep", action="store_true", help="leave the work folder")
    parser.add_argument(
        "--ratio-rounds",
        type=int,
        default=5,
        help="back-to-back 4 s pairs of nginx-static and the cached story (the target's ratio)",
    )
    parser.add_argument(
        "--new-user-only",
        action="store_true",
        help="only the new user's `make serve` (no variables: SQLite, Redis started by make)",
    )
    options = parser.parse_args()
    python = str(Path(os.environ.get("VENV", ROOT / ".venv")).resolve() / "bin" / "python")
    if options.new_user_only:
        ensure_debian_packages({"wrk": "wrk"})
        failures = []
        result = {"new_user_make_serve": new_user_run(options, python, failures)}
        result["failures"] = failures
        Path(options.output).write_text(json.dumps(result, indent=2, ensure_ascii=False))
        print(json.dumps(result, indent=2, ensure_ascii=False))
        sys.exit(1 if failures else 0)

    ensure_debian_packages({"wrk": "wrk", "nginx": "nginx"})
    work = Path(tempfile.mkdtemp(prefix="bench-serving-"))
    work.chmod(0o755)  # nginx's workers read the page as www-data
    services = Services(options.pg_port, options.redis_port, "/var/tmp/exemplars-bench-services")
    log(f"private PostgreSQL :{options.pg_port} and Redis :{options.redis_port}")
    services("start")
    services.fresh_database("bench")

    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_", "EXEMPLARS_"))
    } | {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{options.pg_port}/bench",
        "REDIS_URL": f"redis://127.0.0.1:{options.redis_port}/0",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "EXEMPLARS_VAR_DIR": str(work / "var"),
    }
    base = f"http://127.0.0.1:{port}"
    server_log = open(work / "serve.log", "w")
    log(f"make serve on {base} (migrate, demo, collectstatic; log in {work}/serve.log)")
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"HOST=127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    nginx = None
    results = {"runs": {}, "faults": {}}
    failures = []
    try:
        wait_for_port(port, 900, server, "make serve")
        urls = page_urls(env, python)
        for _ in range(2):  # the second fetch finds the page in the cache
            fetch(base + urls["story"])
            fetch(base + urls["campaign"])
        status, headers, story_html = fetch(base + urls["story"])
        cache_state = headers.get("X-Page-Cache", "absent")
        log(f"story {urls['story']}: {status}, {len(story_html)} bytes, X-Page-Cache {cache_state}")

        (work / "www").mkdir(mode=0o755)
        (work / "www" / "story.html").write_bytes(story_html)
        (work / "www" / "story.html").chmod(0o644)
        (work / "nginx-tmp").mkdir()
        nginx_port, proxy_port = free_port(), free_port()
        (work / "nginx.conf").write_text(
            NGINX_CONF.format(work=work, port=nginx_port, proxy_port=proxy_port, upstream_port=port)
        )
        nginx = subprocess.Popen(
            ["nginx", "-p", str(work), "-c", str(work / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for_port(nginx_port, 30, nginx, "nginx")
        proxied = f"http://127.0.0.1:{proxy_port}{urls['story']}"
        fetch(proxied)
        proxy_cache_state = fetch(proxied)[1].get("X-Proxy-Cache", "absent")
        log(f"nginx proxy in front of gunicorn: X-Proxy-Cache {proxy_cache_state}")

        gzip = ("Accept-Encoding: gzip",)
        plan = [
            ("nginx_static_story", f"http://127.0.0.1:{nginx_port}/", None, ()),
            ("cached_story", base + urls["story"], None, ()),
            ("cached_story_gzip", base + urls["story"], None, gzip),
            ("cached_story_nginx_proxy", proxied, None, ()),
            ("cached_campaign", base + urls["campaign"], None, ()),
            ("uncached_story", base, [urls["story"] + "?bench={n}"], ()),
            ("search_mix", base, urls["search"], ()),
            ("suggest", base, urls["suggest"], ()),
        ]
        for name, url, paths, headers in plan:
            log(f"{name}: {options.duration} s at {options.connections} connections")
            run = wrk(
                url,
                options.duration,
                options.connections,
                options.threads,
                paths,
                work=work,
                headers=headers,
            )
            run.pop("per_second")
            results["runs"][name] = run
            drain(base + urls["story"])
            if run["errors"]:
                failures.append(f"{name}: {run['errors']} errors {run['error_kinds']}")
        # The ratio again, in back-to-back pairs: on a machine whose load drifts
        # (anything else running), two runs minutes apart measure different machines.
        pairs = []
        for _ in range(options.ratio_rounds):
            pair = {}
            for name in ("nginx_static_story", "cached_story"):
                url = (
                    f"http://127.0.0.1:{nginx_port}/"
                    if name == "nginx_static_story"
                    else (base + urls["story"])
                )
                run = wrk(url, 4, options.connections, options.threads, work=work)
                pair[name] = run["req_per_s"]
                if run["errors"]:
                    failures.append(f"{name} (pair): {run['errors']} errors")
            pair["ratio"] = round(pair["nginx_static_story"] / max(pair["cached_story"], 1), 1)
            log(
                f"pair: nginx {pair['nginx_static_story']:,.0f}, cached story "
                f"{pair['cached_story']:,.0f} req/s: {pair['ratio']}×"
            )
            pairs.append(pair)
        results["pairs"] = pairs
        os.killpg(nginx.pid, signal.SIGTERM)
        nginx.wait()
        nginx = None

        # Faults: a mix of cached, uncached and search requests while a service goes away.
        mix = [
            urls["story"],
            urls["campaign"],
            urls["story"] + "?fault={n}",
            *urls["search"][:20],
        ]
        fault_s = max(options.duration, 15)
        times = {}
        log(f"fault: Redis stopped for 5 s during a {fault_s} s load")
        stopper = at(4, lambda: services("stop-redis"), times, "redis_stop")
        starter = at(9, lambda: services("start-redis"), times, "redis_start")
        run = wrk(base, fault_s, options.connections, options.threads, mix, track=True, work=work)
        stopper.join()
        starter.join()
        redis_5xx = sum(per_second(run, "5xx").values())
        ok = per_second(run, "ok")
        down = range(int(times["redis_stop_end"]) + 1, int(times["redis_start_start"]))
        served_while_down = sum(ok.get(second, 0) for second in down)
        results["faults"]["redis_stopped"] = {
            "requests": run["requests"],
            "req_per_s": run["req_per_s"],
            "responses_5xx": redis_5xx,
            "stopped_for_s": round(times["redis_start_end"] - times["redis_stop_end"], 1),
            "ok_while_stopped": served_while_down,
            "wrk_errors": run["error_kinds"],
        }
        if redis_5xx:
            failures.append(f"Redis stopped: {redis_5xx} responses were 5xx")
        if not served_while_down:
            failures.append("Redis stopped: nothing was served while it was down")
        drain(base + urls["story"])

        times = {}
        log(f"fault: PostgreSQL restarted during a {fault_s} s load")
        restarter = at(4, lambda: services("restart-postgres"), times, "pg")
        run = wrk(base, fault_s, options.connections, options.threads, mix, track=True, work=work)
        restarter.join()
        errors = per_second(run, "5xx")
        back = times["pg_end"]
        late = {s: n for s, n in errors.items() if s > back + RECOVERY_LIMIT_S}
        last_error = max(errors) if errors else None
        ok_later = sum(n for s, n in per_second(run, "ok").items() if s > back + RECOVERY_LIMIT_S)
        results["faults"]["postgres_restarted"] = {
            "requests": run["requests"],
            "responses_5xx": sum(errors.values()),
            "restart_took_s": round(times["pg_end"] - times["pg_start"], 1),
            "last_5xx_after_restart_s": (
                round(last_error + 1 - back, 1) if last_error is not None else None
            ),
            "responses_5xx_later_than_5_s": sum(late.values()),
            "ok_later_than_5_s": ok_later,
            "wrk_errors": run["error_kinds"],
        }
        if late:
            failures.append(f"PostgreSQL restart: {sum(late.values())} 5xx more than 5 s after")
        if not ok_later:
            failures.append("PostgreSQL restart: nothing was served 5 s after it")
    finally:
        if nginx is not None and nginx.poll() is None:
            os.killpg(nginx.pid, signal.SIGTERM)
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        server_log.close()
        services("stop")
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)

    runs = results["runs"]
    limit = runs["nginx_static_story"]["req_per_s"]
    proxy_ratio = limit / max(runs["cached_story_nginx_proxy"]["req_per_s"], 1)
    # The target is judged on the median of the back-to-back pairs.
    ratios = sorted(pair["ratio"] for pair in results.get("pairs", []))
    ratio = (
        ratios[len(ratios) // 2] if ratios else limit / max(runs["cached_story"]["req_per_s"], 1)
    )
    sequential_ratio = limit / max(runs["cached_story"]["req_per_s"], 1)
    try:
        import gunicorn_h1c  # noqa: F401

        http_parser = "C (gunicorn_h1c)"
    except ImportError:
        http_parser = "Python (gunicorn_h1c not installed)"
    worker = os.environ.get("GUNICORN_WORKER_CLASS", "asgi")
    if worker == "asgi":
        try:
            import uvloop  # noqa: F401

            worker = "asgi (uvloop)"
        except ImportError:
            worker = "asgi (asyncio)"
    results.update(
        machine={"cpus": os.cpu_count(), "load_average": os.getloadavg()},
        config={
            "duration_s": options.duration,
            "connections": options.connections,
            "wrk_threads": options.threads,
            "story": urls["story"],
            "campaign": urls["campaign"],
            "story_bytes": len(story_html),
            "x_page_cache": cache_state,
            "x_proxy_cache": proxy_cache_state,
            "gunicorn_http_parser": http_parser,
            "gunicorn_worker": worker,
        },
        nginx_to_cached_story=round(ratio, 1),
        nginx_to_cached_story_sequential_runs=round(sequential_ratio, 1),
        nginx_to_cached_story_via_proxy=round(proxy_ratio, 1),
        failures=failures,
    )
    if cache_state != "hit":
        failures.append(f"the story did not come from the page cache (X-Page-Cache: {cache_state})")
    if ratio > 5:
        failures.append(f"cached story is {ratio:.1f}× slower than nginx (target ≤ 5×)")
    # Last, on the machine's own services: what a new user's `make serve` gives.
    results["new_user_make_serve"] = new_user_run(options, python, failures)
    Path(options.output).write_text(json.dumps(results, indent=2, ensure_ascii=False))

    print(f"\n{'run':<22}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, run in runs.items():
        print(
            f"{name:<22}{run['req_per_s']:>10,.0f}{run['p50_ms']:>9.2f}"
            f"{run['p99_ms']:>9.2f}{run['errors']:>8}"
        )
    print(
        f"\ngunicorn's worker: {worker}, HTTP parser: {http_parser};"
        f" load average {os.getloadavg()[0]:.1f}"
    )
    print(f"nginx static / cached story from gunicorn, the runs above: {sequential_ratio:.1f}×")
    if ratios:
        print(f"  back to back, {len(ratios)} pairs: {', '.join(f'{r}×' for r in ratios)}")
    print(f"nginx static / cached story from gunicorn (median of the pairs): {ratio:.1f}×")
    print(f"nginx static / cached story through nginx's proxy cache: {proxy_ratio:.1f}×")
    for name, fault in results["faults"].items():
        print(f"{name}: {json.dumps(fault)}")
    new_user = results["new_user_make_serve"]
    run = new_user["cached_story"]
    print(
        f"new user's make serve (SQLite, Redis by make), cached story: {run['req_per_s']:,.0f}"
        f" req/s, p99 {run['p99_ms']} ms, {run['errors']} errors;"
        f" after a publish from another process"
        f" {new_user['after_publish_from_another_process']['showing_the_new_title']}/24 fresh"
    )
    print(f"\nwritten to {options.output}")
    if failures:
        print("targets missed:\n  " + "\n  ".join(failures))
        return 1
    print(
        "targets met: no errors, no 5xx under faults, cached story within 5× of nginx, no stale page"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

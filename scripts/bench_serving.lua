-- wrk script for scripts/bench_serving.py (read that first).
--   BENCH_PATHS=file  request these paths in turn instead of the URL's own;
--                     "{n}" in a path becomes a number no other request uses
--   BENCH_TRACK=1     count responses per second and status class (the fault runs:
--                     a Lua callback per response costs wrk throughput, so only there)
-- done() prints one line "BENCH_JSON {...}" that the Python script reads.

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local paths_file = os.getenv("BENCH_PATHS")
if paths_file and paths_file ~= "" then
  local paths = {}
  for line in io.lines(paths_file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  local i = 0
  function request()
    i = i + 1
    local path = paths[(i - 1) % #paths + 1]
    path = path:gsub("{n}", thread_id .. "-" .. i)
    return wrk.format(nil, path)
  end
end

counts = {}
if os.getenv("BENCH_TRACK") == "1" then
  function response(status, headers, body)
    local class = "ok"
    if status >= 500 then class = "5xx" elseif status >= 400 then class = "4xx" end
    local key = os.time() .. ":" .. class
    counts[key] = (counts[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts") or {}
    for key, n in pairs(c) do merged[key] = (merged[key] or 0) + n end
  end
  local buckets = {}
  for key, n in pairs(merged) do
    buckets[#buckets + 1] = string.format('"%s": %d', key, n)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d}, "per_second": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout, table.concat(buckets, ", ")))
end

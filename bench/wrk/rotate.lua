-- wrk script: each request takes the next path from a file (one path per line), round robin, so a run
-- rotates over many different URLs and no single one is hot. Each wrk thread starts at its own offset.
-- Usage: wrk -t2 -c16 -d30s -s bench/wrk/rotate.lua http://localhost:8080 -- bench/wrk/lookups.txt
-- Non-2xx answers are counted by status and printed at the end (wrk only reports their total).
local paths = {}
local i = 0
statuses = {}
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or "bench/wrk/lookups.txt"
  for line in io.lines(file) do
    if #line > 0 then table.insert(paths, line) end
  end
  i = (id or 0) * 997 % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do io.write(string.format("status %d: %d\n", code, n)) end
  end
end

-- Shared by the load scripts: a pool of ids read from a file, and a JSON report printed when the run
-- ends (requests per second and latency percentiles in milliseconds, errors of every kind).

local common = {}

function common.load_ids(path)
  local ids = {}
  local file = io.open(path, "r")
  if file == nil then
    error("cannot read " .. path)
  end
  for line in file:lines() do
    if #line > 0 then
      ids[#ids + 1] = line
    end
  end
  file:close()
  return ids
end

-- A delay() for wrk that holds a thread's requests to a fixed rate. wrk calls delay() when a
-- connection's response has arrived; each call books the thread's next free slot on a wall-clock
-- schedule, so the rate stays fixed whatever the latency (a constant pause would add the latency to
-- every gap and fall short of the rate). A late thread does not catch up in a burst.
function common.paced(requests_per_second)
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock, bench_timespec *now);
  ]]
  local CLOCK_MONOTONIC = 1
  local now = ffi.new("bench_timespec")
  local function millis()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
    return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
  end
  local interval = 1000 / requests_per_second
  local next_slot = 0
  return function()
    local current = millis()
    next_slot = math.max(next_slot + interval, current)
    return math.floor(next_slot - current)
  end
end

function common.report(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format(
      'RESULT {"requests": %d, "rps": %.1f, "p50": %.2f, "p99": %.2f, "p999": %.2f, "errors": %d}\n',
      summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, errors))
end

return common

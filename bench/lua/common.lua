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

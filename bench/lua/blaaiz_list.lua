-- GET /api/external/customer with filters: BENCH_QUERY is the query string. A "{even}" in it becomes a
-- random even number below BENCH_RANGE (the seeded Blaaiz customers of the first batch are the even ones).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("common")

local query = os.getenv("BENCH_QUERY")
local range = tonumber(os.getenv("BENCH_RANGE") or "2")

function init(args)
  math.randomseed(os.time() + math.random(1, 1e6))
end

function request()
  local path = "/api/external/customer?" .. query:gsub("{even}", tostring(2 * math.random(0, range / 2 - 1)))
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")})
end

done = common.report

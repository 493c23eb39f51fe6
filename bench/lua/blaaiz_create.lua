-- POST /api/external/customer: a new individual each time. With BENCH_RATE (requests a second in all)
-- and BENCH_THREADS (wrk's -t), each thread paces its connections to its share of that rate.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("common")

local counter = 0

-- tags unique per run and per thread: runs happen seconds apart, and unique references must not collide
math.randomseed(os.time())
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tag", os.time() .. "-" .. threads .. "-" .. math.random(1, 1e9))
end

function request()
  counter = counter + 1
  local body = string.format([[{"type":"individual","email":"load.%s.%d@example.com","country":"NG","first_name":"Load","last_name":"Customer","id_type":"passport","id_number":"L%s%d","city":"Lagos","zip_code":"101233"}]],
      tag, counter, tag, counter)
  return wrk.format("POST", "/api/external/customer",
      {["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Content-Type"] = "application/json"}, body)
end

local rate = tonumber(os.getenv("BENCH_RATE") or "0")
if rate > 0 then
  delay = common.paced(rate / tonumber(os.getenv("BENCH_THREADS")))
end

done = common.report

-- GET /api/external/customer/{id}: a random seeded customer. With BENCH_RATE (requests a second in
-- all) and BENCH_THREADS (wrk's -t), each thread paces its connections to its share of that rate.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("common")

local ids
local rate = tonumber(os.getenv("BENCH_RATE") or "0")

function init(args)
  ids = common.load_ids(os.getenv("BENCH_BLAAIZ_IDS"))
  math.randomseed(os.time() + math.random(1, 1e6))
end

function request()
  return wrk.format("GET", "/api/external/customer/" .. ids[math.random(#ids)],
      {["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")})
end

if rate > 0 then
  delay = common.paced(rate / tonumber(os.getenv("BENCH_THREADS")))
end

done = common.report

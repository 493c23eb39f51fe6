-- GET /api/external/customer/{id}: a random seeded customer. With BENCH_DELAY_MS each connection
-- waits that long between requests, for a fixed overall rate.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("common")

local ids
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")

function init(args)
  ids = common.load_ids(os.getenv("BENCH_BLAAIZ_IDS"))
  math.randomseed(os.time() + math.random(1, 1e6))
end

function request()
  return wrk.format("GET", "/api/external/customer/" .. ids[math.random(#ids)],
      {["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")})
end

if pause > 0 then
  function delay()
    return pause
  end
end

done = common.report

-- PUT /api/external/customer/{id}: change one field of a random customer to a new value (a value
-- equal to the stored one would be a no-op and write nothing).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("common")

local ids
local counter = 0

function init(args)
  ids = common.load_ids(os.getenv("BENCH_BLAAIZ_IDS"))
  math.randomseed(os.time() + math.random(1, 1e6))
end

function request()
  counter = counter + 1
  return wrk.format("PUT", "/api/external/customer/" .. ids[math.random(#ids)],
      {["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Content-Type"] = "application/json"},
      string.format('{"city":"City %d-%d"}', math.random(1, 1e6), counter))
end

done = common.report

-- The HTTP floor: a request that does no work (the liveness probe: no database, no credentials),
-- served by the same server, filters and connections as every other row. What a read costs beyond
-- this is Kyra's own work and the database's.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("common")

function request()
  return wrk.format("GET", "/actuator/health/liveness")
end

done = common.report

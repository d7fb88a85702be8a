local ____exports = {}
--- The version string.
-- 
-- @help ts.version
____exports.version = "0.1.0"
return ____exports

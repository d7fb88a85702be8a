local ____exports = {}
--- The version of tsasync.
____exports.version = "0.1.0"
return ____exports

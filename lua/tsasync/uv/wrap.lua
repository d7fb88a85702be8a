local ____exports = {}
local after_call, SYNC_FAIL, ARG_FAIL
local ____await = require("tsasync.await")
local await_cb = ____await.await_cb
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local pack = ____scheduler.pack
local ____task = require("tsasync.task")
local first = ____task.first
local ppcall = ____task.ppcall
local ____error = require("tsasync.uv.error")
local new_uv_error = ____error.new_uv_error
local ____generated = require("tsasync.uv.generated")
local specs = ____generated.specs
local ____stream = require("tsasync.uv.stream")
local new_stream = ____stream.new_stream
local stream_fail = ____stream.stream_fail
local stream_finish = ____stream.stream_finish
local stream_push = ____stream.stream_push
local ____track = require("tsasync.uv.track")
local cancel_late = ____track.cancel_late
local late_done = ____track.late_done
local stats = ____track.stats
local terminate = ____track.terminate
local track_close = ____track.track_close
local track_open = ____track.track_open
function after_call(cb, ret_arg1, arg1, ok, r1, r2, r3)
    if not ok then
        cb(ARG_FAIL, r1)
        return nil
    end
    if r1 == nil and type(r2) == "string" then
        cb(SYNC_FAIL, r2, r3)
        return nil
    end
    local ____ret_arg1_0
    if ret_arg1 then
        ____ret_arg1_0 = arg1
    else
        ____ret_arg1_0 = r1
    end
    return ____ret_arg1_0
end
local luv = runtime.uv
SYNC_FAIL = {sync_fail = true}
ARG_FAIL = {arg_fail = true}
local TRUE_EVENT = pack(true)
local function close_handle(h)
    if h ~= nil and not h:is_closing() then
        h:close()
    end
end
local function late_fd(_err, fd)
    if type(fd) == "number" then
        luv.fs_close(fd)
    end
end
local function late_dir(_err, dir)
    if dir ~= nil then
        luv.fs_closedir(dir)
    end
end
local function late_mkstemp(_err, fd, path)
    if type(fd) == "number" then
        luv.fs_close(fd)
    end
    if type(path) == "string" then
        luv.fs_unlink(path)
    end
end
local function late_mkdtemp(_err, path)
    if type(path) == "string" then
        luv.fs_rmdir(path)
    end
end
local LATE = {fd = late_fd, dir = late_dir, mkstemp = late_mkstemp, mkdtemp = late_mkdtemp}
--- The cleanup of a one-shot call: releases what arrived late (`late`, if any) and, for a
-- request counted by `cancel_late`, ends its count in `stats.late` once that is done.
local function late_action(cancel, late)
    if cancel ~= "req" then
        return late
    end
    if late == nil then
        return function() return late_done() end
    end
    return function(...)
        local ok, err = pcall(late, ...)
        late_done()
        if not ok then
            error(err, 0)
        end
    end
end
local function cancel_action(cancel)
    if cancel == nil then
        return nil
    end
    if cancel == "req" then
        return cancel_late
    end
    if cancel == "close" then
        return function(h) return pcall(close_handle, h) end
    end
    local stop = string.match(cancel, "^stop:(.+)$")
    if stop ~= nil then
        return function(h)
            local f = luv[stop]
            if f ~= nil then
                pcall(f, h)
            end
        end
    end
    return error(("ts.uv: unknown cancel action \"" .. cancel) .. "\" in the generated metadata")
end
--- Raises or returns the callback's values of one-shot call `name`.
local function finish(name, spec, prot, path, a, ...)
    local err
    if a == SYNC_FAIL then
        local msg, code = ...
        err = new_uv_error(name, msg, path, code)
    elseif a == ARG_FAIL then
        return error(
            (((prot and "ts.uv.p." or "ts.uv.") .. name) .. ": ") .. tostring(first(...)),
            0
        )
    elseif spec.err then
        if a ~= nil then
            err = new_uv_error(name, a, path)
        end
    else
        if prot then
            return nil, a, ...
        end
        return a, ...
    end
    if prot then
        return err, ...
    end
    if err ~= nil then
        return error(err, 0)
    end
    return ...
end
--- Calls luv `fn` with `args` (the callback included); a synchronous failure is fed to `cb`.
local function call_luv(fn, cb, ret_arg1, ...)
    return after_call(
        cb,
        ret_arg1,
        first(...),
        ppcall(fn, ...)
    )
end
local function arg_at(i, ...)
    local v = select(i, ...)
    return v
end
--- Refuses NaN and infinite numbers: luv turns them into arbitrary integers (`fs_close(0/0)`
-- closed fd 0), so they are never passed on.
local function check_finite(fname, nargs, ...)
    do
        local i = 1
        while i <= nargs do
            local v = select(i, ...)
            if type(v) == "number" and (v ~= v or v == math.huge or v == -math.huge) then
                error(
                    (((fname .. ": argument ") .. tostring(i)) .. " must be a finite number, got ") .. tostring(v),
                    3
                )
            end
            i = i + 1
        end
    end
end
local function arg_count_error(fname, n, max)
    return error(
        ((((fname .. ": got ") .. tostring(n)) .. " arguments, expected at most ") .. tostring(max)) .. " (luv's arguments without the callback)",
        3
    )
end
local function make_once(name, spec, fn, prot)
    local fname = prot and "ts.uv.p." .. name or "ts.uv." .. name
    local n = spec.nparams
    local max = n - 1
    local ret_arg1 = spec.cancel == "close" or spec.cancel ~= nil and string.sub(spec.cancel, 1, 5) == "stop:"
    local shim = spec.cb == n and (function(...)
        local cb = select(n, ...)
        return call_luv(fn, cb, ret_arg1, ...)
    end) or (function(...)
        local p = pack(...)
        local cb = p[n]
        do
            local i = n
            while i > spec.cb do
                p[i] = p[i - 1]
                i = i - 1
            end
        end
        p[spec.cb] = cb
        return call_luv(
            fn,
            cb,
            ret_arg1,
            unpack(p, 1, n)
        )
    end)
    local on_cancel = cancel_action(spec.cancel)
    local cleanup = late_action(spec.cancel, spec.late ~= nil and LATE[spec.late] or nil)
    local opts = (on_cancel ~= nil or cleanup ~= nil) and ({on_cancel = on_cancel, cleanup = cleanup}) or nil
    local path_at = spec.path
    return function(...)
        local nargs = select("#", ...)
        if nargs > max then
            arg_count_error(fname, nargs, max)
        end
        check_finite(fname, nargs, ...)
        local ____temp_1
        if path_at ~= nil and path_at <= nargs then
            ____temp_1 = arg_at(path_at, ...)
        else
            ____temp_1 = nil
        end
        local path = ____temp_1
        return finish(
            name,
            spec,
            prot,
            path,
            await_cb(
                fname,
                opts,
                n,
                shim,
                ...
            )
        )
    end
end
local function make_spawn(name, spec, fn, prot)
    local fname = prot and "ts.uv.p." .. name or "ts.uv." .. name
    return function(path, options, ...)
        if select("#", ...) > 0 then
            arg_count_error(
                fname,
                2 + select("#", ...),
                2
            )
        end
        local st
        st = {send = function(sig)
            if st.h ~= nil and not st.h:is_closing() then
                st.h:kill(sig)
            end
        end}
        local function shim(p, o, cb)
            local ok, h, pid, errname = pcall(
                fn,
                p,
                o,
                function(code, signal)
                    st.exited = true
                    if st.h ~= nil then
                        st.h:close()
                        track_close()
                    end
                    cb(code, signal)
                end
            )
            if not ok then
                cb(ARG_FAIL, h)
            elseif h == nil then
                cb(SYNC_FAIL, pid, errname)
            else
                st.h = h
                track_open()
            end
        end
        local opts = {on_cancel = function() return terminate(st) end}
        return finish(
            name,
            spec,
            prot,
            path,
            await_cb(
                fname,
                opts,
                3,
                shim,
                path,
                options
            )
        )
    end
end
local function event_cb(name, spec, s, path)
    if not spec.err then
        return function(...) return stream_push(
            s,
            select("#", ...) == 0 and TRUE_EVENT or pack(...)
        ) end
    end
    local eof = spec.eof == true
    local skip_empty = spec.skip_empty == true
    return function(err, ...)
        if err ~= nil then
            stream_fail(
                s,
                new_uv_error(name, err, path)
            )
            return
        end
        local nv = select("#", ...)
        local v1 = first(...)
        if eof and v1 == nil then
            stream_finish(s)
            return
        end
        if skip_empty and v1 == nil and arg_at(2, ...) == nil then
            return
        end
        stream_push(
            s,
            nv == 0 and TRUE_EVENT or pack(...)
        )
    end
end
--- Calls start function `fn` with `args` and `cb` at position `spec.cb`; raises a UvError on failure.
local function start(name, fname, spec, fn, cb, path, args)
    local p = pack(unpack(args, 1, args.n))
    p[spec.cb] = cb
    local ok, r1, r2, r3 = pcall(
        fn,
        unpack(p, 1, spec.nparams)
    )
    if not ok then
        error(
            (fname .. ": ") .. tostring(r1),
            0
        )
    end
    if r1 == nil and type(r2) == "string" then
        error(
            new_uv_error(name, r2, path, r3),
            0
        )
    end
end
local function make_stream(name, spec, fn)
    local fname = "ts.uv." .. name
    local max = spec.nparams - 1
    local ____temp_2
    if spec.stop ~= nil then
        ____temp_2 = luv[spec.stop]
    else
        ____temp_2 = nil
    end
    local stop = ____temp_2
    return function(...)
        local nargs = select("#", ...)
        if nargs > max then
            arg_count_error(fname, nargs, max)
        end
        check_finite(fname, nargs, ...)
        local h = first(...)
        local ____temp_3
        if spec.path ~= nil then
            ____temp_3 = arg_at(spec.path, ...)
        else
            ____temp_3 = nil
        end
        local path = ____temp_3
        local a = pack(...)
        local stop_fn = stop ~= nil and (function() return stop(h) end) or nil
        local function cb()
        end
        local ____new_stream_6 = new_stream
        local ____temp_5 = fname .. " stream"
        local ____temp_4
        if spec.pause == true then
            ____temp_4 = stop_fn
        else
            ____temp_4 = nil
        end
        local s = ____new_stream_6({
            what = ____temp_5,
            stop = stop_fn,
            pause = ____temp_4,
            resume = spec.pause == true and (function() return start(
                name,
                fname,
                spec,
                fn,
                cb,
                path,
                a
            ) end) or nil
        })
        cb = event_cb(name, spec, s, path)
        start(
            name,
            fname,
            spec,
            fn,
            cb,
            path,
            a
        )
        return s
    end
end
--- `timer_start(timer, timeout, repeat)`: a stream of `true` per tick when repeat > 0, else awaits the one tick.
local function make_timer(name, spec, fn, prot)
    local once = make_once(name, spec, fn, prot)
    local stream = make_stream(name, spec, fn)
    return function(timer, timeout, ____repeat, ...)
        if type(____repeat) == "number" and ____repeat > 0 then
            return stream(timer, timeout, ____repeat, ...)
        end
        local ____timer_8 = timer
        local ____timeout_9 = timeout
        local ____repeat_7 = ____repeat
        if ____repeat_7 == nil then
            ____repeat_7 = 0
        end
        return once(____timer_8, ____timeout_9, ____repeat_7, ...)
    end
end
--- `listen(server, backlog)`: a stream of accepted client handles (accepted when received).
local function make_listen(name, spec, fn)
    local fname = "ts.uv." .. name
    return function(server, backlog, ...)
        if select("#", ...) > 0 then
            arg_count_error(
                fname,
                2 + select("#", ...),
                2
            )
        end
        if type(server) ~= "userdata" then
            error(
                (fname .. ": server must be a uv stream handle (tcp or pipe), got ") .. type(server),
                2
            )
        end
        local ____temp_10
        if luv.handle_get_type ~= nil then
            ____temp_10 = first(luv.handle_get_type(server))
        else
            ____temp_10 = "tcp"
        end
        local kind = ____temp_10
        local function take()
            local ____temp_11
            if kind == "pipe" then
                ____temp_11 = luv.new_pipe(false)
            else
                ____temp_11 = luv.new_tcp()
            end
            local client = ____temp_11
            local ok, e1, e2 = pcall(luv.accept, server, client)
            if not ok or e1 == nil and e2 ~= nil then
                client:close()
                local ____pack_14 = pack
                local ____new_uv_error_13 = new_uv_error
                local ____ok_12
                if ok then
                    ____ok_12 = e2
                else
                    ____ok_12 = e1
                end
                return ____pack_14(
                    nil,
                    ____new_uv_error_13("accept", ____ok_12)
                )
            end
            track_open()
            return pack(client)
        end
        local s = new_stream({what = fname .. " stream", take = take, limit = 1024})
        local function cb(err)
            if err ~= nil then
                stream_fail(
                    s,
                    new_uv_error(name, err)
                )
            else
                stream_push(s, EMPTY)
            end
        end
        start(
            name,
            fname,
            spec,
            fn,
            cb,
            nil,
            pack(server, backlog)
        )
        return s
    end
end
--- `new_async()` / `new_work(work_fn)`: the handle is made here and kept as `s.handle`.
local function make_handle_stream(name, spec, fn)
    local fname = "ts.uv." .. name
    local max = spec.nparams - 1
    return function(...)
        local nargs = select("#", ...)
        if nargs > max then
            arg_count_error(fname, nargs, max)
        end
        check_finite(fname, nargs, ...)
        local function cb()
        end
        local p = pack(...)
        p[spec.cb] = function(...) return cb(...) end
        local ok, h, e = pcall(
            fn,
            unpack(p, 1, spec.nparams)
        )
        if not ok then
            error(
                (fname .. ": ") .. tostring(h),
                2
            )
        end
        if h == nil then
            error(
                new_uv_error(name, e),
                0
            )
        end
        local closes = name == "new_async"
        if closes then
            track_open()
        end
        local s = new_stream({
            what = fname .. " stream",
            handle = h,
            stop = closes and (function()
                h:close()
                track_close()
            end) or nil
        })
        cb = event_cb(name, spec, s, nil)
        return s
    end
end
--- `walk()`: the handles `uv.walk` visits, as a list (refused on Neovim 0.10, where walk aborts).
local function make_collect(name, fn)
    return function(...)
        if select("#", ...) > 0 then
            arg_count_error(
                "ts.uv." .. name,
                select("#", ...),
                0
            )
        end
        if runtime.host == "nvim" and vim.fn.has("nvim-0.11") == 0 then
            error(((("ts.uv." .. name) .. ": vim.uv.") .. name) .. " aborts Neovim 0.10 (luv_walk_cb assertion); needs Neovim 0.11 or newer", 2)
        end
        local list = {}
        fn(function(h)
            list[#list + 1] = h
        end)
        return list
    end
end
local function unavailable(fname, name)
    return function()
        local v = runtime.host == "nvim" and "Neovim " .. tostring(vim.version()) or "luv"
        local ____error_20 = error
        local ____fname_19 = fname
        local ____tostring_18 = tostring
        local ____opt_15 = luv.version_string
        local ____temp_17 = ____opt_15 and ____opt_15()
        if ____temp_17 == nil then
            ____temp_17 = "?"
        end
        return ____error_20(
            ((((((____fname_19 .. ": not available in this Neovim's luv (") .. v) .. ", luv ") .. ____tostring_18(____temp_17)) .. "); vim.uv.") .. name) .. " is missing",
            2
        )
    end
end
local function make(name, spec, prot)
    local fn = luv[name]
    local kind = spec.kind
    local streaming = kind == "stream" or kind == "listen" or kind == "handle_stream" or kind == "collect"
    if prot and streaming then
        return nil
    end
    local fname = prot and "ts.uv.p." .. name or "ts.uv." .. name
    if fn == nil then
        return unavailable(fname, name)
    end
    if kind == "once" then
        return make_once(name, spec, fn, prot)
    end
    if kind == "spawn" then
        return make_spawn(name, spec, fn, prot)
    end
    if kind == "timer" then
        return make_timer(name, spec, fn, prot)
    end
    if kind == "stream" then
        return make_stream(name, spec, fn)
    end
    if kind == "listen" then
        return make_listen(name, spec, fn)
    end
    if kind == "handle_stream" then
        return make_handle_stream(name, spec, fn)
    end
    if kind == "collect" then
        return make_collect(name, fn)
    end
    return error(((("ts.uv: unknown kind \"" .. kind) .. "\" for ") .. name) .. " in the generated metadata")
end
--- The same one-shot calls returning `err, ...values` instead of raising
-- (`err` a |ts.UvError| or nil): `local err, st = ts.uv.p.fs_stat(path)`.
-- Streams have no `p` form (`ts.uv.p.timer_start` returns a stream when it
-- repeats, as `ts.uv.timer_start` does).
-- 
-- @help ts.uv.p.{name}({...})
-- @tag ts.uv.p
____exports.p = {}
--- `ts.uv`: every callback-taking luv function, awaitable. Also `ts.uv.p` (protected forms),
-- `ts.uv.specs` (the generated metadata) and `ts.uv.stats` (`open`: handles the layer holds
-- open; `late`: requests of cancelled tasks whose callback has not come yet; `killed`).
-- ```lua
-- ts.run(function()
--   local fd = ts.uv.fs_open("/etc/hostname", "r", 420)
--   local data = ts.uv.fs_read(fd, 4096, 0)
--   ts.uv.fs_close(fd)
--   local err, st = ts.uv.p.fs_stat("/nope") -- err.code == "ENOENT"
-- end)
-- ```
____exports.uv = {}
for name, spec in pairs(specs) do
    ____exports.uv[name] = make(name, spec, false)
    local pf = make(name, spec, true)
    if pf ~= nil then
        ____exports.p[name] = pf
    end
end
____exports.uv.p = ____exports.p
____exports.uv.specs = specs
____exports.uv.stats = stats
return ____exports

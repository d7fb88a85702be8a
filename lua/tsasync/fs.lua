local ____exports = {}
local check_path, join, mkdir_rec, rm_rec, copy_rec, entry_type, luvm
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local ____await = require("tsasync.await")
local await_cb = ____await.await_cb
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local first = ____task.first
local resume_with = ____task.resume_with
local running_task = ____task.running_task
local suspend = ____task.suspend
local ypcall = ____task.ypcall
local register_wait_kind = ____task.register_wait_kind
local ____error = require("tsasync.uv.error")
local new_uv_error = ____error.new_uv_error
local ____track = require("tsasync.uv.track")
local cancel_late = ____track.cancel_late
local late_done = ____track.late_done
local ____wrap = require("tsasync.uv.wrap")
local uv = ____wrap.uv
function check_path(fname, path, arg)
    if arg == nil then
        arg = "path"
    end
    if type(path) ~= "string" or path == "" then
        error(
            (((fname .. ": ") .. arg) .. " must be a non-empty string, got ") .. (type(path) == "string" and "\"\"" or type(path)),
            3
        )
    end
    return path
end
function join(dir, name)
    return string.sub(dir, -1) == "/" and dir .. name or (dir .. "/") .. name
end
function mkdir_rec(path, mode)
    local err = uv.p.fs_mkdir(path, mode)
    if err == nil then
        return
    end
    if err.code == "EEXIST" then
        local st = uv.fs_stat(path)
        if st.type ~= "directory" then
            error(
                new_uv_error("fs_mkdir", "EEXIST: file already exists and is not a directory: " .. path, path, "EEXIST"),
                0
            )
        end
        return
    end
    if err.code ~= "ENOENT" then
        error(err, 0)
    end
    local parent = string.match(path, "^(.+)/[^/]+$")
    if parent == nil or parent == path then
        error(err, 0)
    end
    mkdir_rec(parent, mode)
    local err2 = uv.p.fs_mkdir(path, mode)
    if err2 ~= nil and err2.code ~= "EEXIST" then
        error(err2, 0)
    end
end
function rm_rec(path)
    local err, st = uv.p.fs_lstat(path)
    if err ~= nil then
        if err.code == "ENOENT" then
            return
        end
        error(err, 0)
    end
    if st.type == "directory" then
        local names = {}
        for name in ____exports.scandir(path) do
            names[#names + 1] = name
        end
        for ____, name in ipairs(names) do
            rm_rec(join(path, name))
        end
        local e2 = uv.p.fs_rmdir(path)
        if e2 ~= nil and e2.code ~= "ENOENT" then
            error(e2, 0)
        end
    else
        local e2 = uv.p.fs_unlink(path)
        if e2 ~= nil and e2.code ~= "ENOENT" then
            error(e2, 0)
        end
    end
end
function copy_rec(from, to)
    local st = uv.fs_lstat(from)
    if st.type == "directory" then
        mkdir_rec(to, st.mode % 4096)
        local names = {}
        for name in ____exports.scandir(from) do
            names[#names + 1] = name
        end
        for ____, name in ipairs(names) do
            copy_rec(
                join(from, name),
                join(to, name)
            )
        end
    elseif st.type == "link" then
        local target = uv.fs_readlink(from)
        local err = uv.p.fs_unlink(to)
        if err ~= nil and err.code ~= "ENOENT" then
            error(err, 0)
        end
        uv.fs_symlink(target, to)
    else
        uv.fs_copyfile(from, to)
    end
end
function entry_type(path, ty)
    if ty ~= nil and ty ~= "unknown" then
        return ty
    end
    local st = luvm.fs_lstat(path)
    return st ~= nil and st.type or "unknown"
end
--- Reads {dir} in one request when called (raises ENOENT, ENOTDIR), returns
-- an iterator of `name, type` (`"file"`, `"directory"`, `"link"`, ...;
-- without `.` and `..`): `for name, type in ts.fs.scandir(dir) do`. The
-- iterator never suspends (fine in a PUC Lua generic `for`).
-- 
-- @help ts.fs.scandir({dir})
function ____exports.scandir(dir)
    check_path("ts.fs.scandir", dir, "dir")
    local req = uv.fs_scandir(dir)
    local function next()
        local name, ty = luvm.fs_scandir_next(req)
        if name == nil then
            if ty ~= nil then
                error(
                    new_uv_error("fs_scandir_next", ty, dir),
                    0
                )
            end
            return
        end
        return name, entry_type(
            join(dir, name),
            ty
        )
    end
    return next
end
local luv = runtime.uv
luvm = runtime.uv
local function check_data(fname, data)
    if type(data) == "string" then
        return data
    end
    if type(data) == "table" then
        for ____, v in ipairs(data) do
            if type(v) ~= "string" then
                error(
                    (fname .. ": data must be a string or a list of strings, got a list holding a ") .. type(v),
                    3
                )
            end
        end
        return table.concat(data)
    end
    return error(
        (fname .. ": data must be a string or a list of strings, got ") .. type(data),
        3
    )
end
local function settle(f)
    if not f.released or f.busy > 0 then
        return
    end
    if f.fd ~= nil then
        luv.fs_close(f.fd)
        f.fd = nil
    end
    if f.tmp ~= nil then
        luv.fs_unlink(f.tmp)
        f.tmp = nil
    end
end
local function new_file(path, tmp)
    local f = {busy = 0, released = false, path = path, tmp = tmp}
    f.late_open = function(_err, fd)
        f.busy = f.busy - 1
        if type(fd) == "number" then
            f.fd = fd
        end
        settle(f)
        late_done()
    end
    f.late_op = function()
        f.busy = f.busy - 1
        settle(f)
        late_done()
    end
    return f
end
--- Runs luv fs function `name` (callback at `argc`) on behalf of `f`; raises a UvError.
local function file_req(f, fname, name, late, argc, a1, a2, a3)
    check_cancel(running_task(fname))
    f.busy = f.busy + 1
    local err, v = await_cb(
        fname,
        {on_cancel = cancel_late, cleanup = late},
        argc,
        luv[name],
        a1,
        a2,
        a3
    )
    f.busy = f.busy - 1
    if err ~= nil then
        error(
            new_uv_error(name, err, f.path),
            0
        )
    end
    return v
end
local function file_open(f, fname, path, flags, mode)
    f.fd = file_req(
        f,
        fname,
        "fs_open",
        f.late_open,
        4,
        path,
        flags,
        mode
    )
end
--- Releases `f` (closing its fd when no request runs on it) and passes results or the error on.
local function release_then(f, ok, ...)
    f.released = true
    settle(f)
    if not ok then
        return error(
            first(...),
            0
        )
    end
    return ...
end
local function read_body(f)
    local fname = "ts.fs.read_file"
    file_open(
        f,
        fname,
        f.path,
        "r",
        438
    )
    local st = file_req(
        f,
        fname,
        "fs_fstat",
        f.late_op,
        2,
        f.fd
    )
    local chunks = {}
    local off = 0
    local want = st.size > 0 and st.size or 65536
    do
        while true do
            local data = file_req(
                f,
                fname,
                "fs_read",
                f.late_op,
                4,
                f.fd,
                want,
                off
            )
            if data == "" then
                break
            end
            chunks[#chunks + 1] = data
            off = off + #data
            want = 65536
        end
    end
    return table.concat(chunks)
end
--- The whole file {path} as a string (also files whose size stat does not
-- know, such as those of /proc).
-- ```lua
-- local text = ts.fs.read_file(vim.fn.stdpath("config") .. "/init.lua")
-- ```
-- Raises a UvError (`ENOENT`, `EISDIR`, ...). Cancellation cancels the
-- queued request; the fd is closed as soon as no request of the call runs on
-- it any more.
-- 
-- @help ts.fs.read_file({path})
function ____exports.read_file(path)
    check_path("ts.fs.read_file", path)
    running_task("ts.fs.read_file")
    local f = new_file(path)
    local data = release_then(
        f,
        ypcall(read_body, f)
    )
    return data
end
local function write_all(f, fname, data, offset)
    local rest = data
    local off = offset
    while #rest > 0 do
        local n = file_req(
            f,
            fname,
            "fs_write",
            f.late_op,
            4,
            f.fd,
            rest,
            off
        )
        rest = string.sub(rest, n + 1)
        if off ~= nil then
            off = off + n
        end
    end
end
local function write_body(f, data, mode)
    local fname = "ts.fs.write_file"
    file_open(
        f,
        fname,
        f.tmp,
        "wx",
        mode
    )
    write_all(f, fname, data, 0)
    file_req(
        f,
        fname,
        "fs_fsync",
        f.late_op,
        2,
        f.fd
    )
end
local tmp_counter = 0
--- Atomic: writes {data} (a string or a list of strings) to a temporary file
-- next to {path} (`<path>.tsasync-<pid>-<n>.tmp`), fsyncs it, renames it
-- over {path}. Readers see the old content or the new one, never a part.
-- Keeps an existing file's mode (new files get 0644 minus the umask). On
-- error or cancellation the temporary file is removed (once no request runs
-- on it) and {path} is untouched.
-- 
-- @help ts.fs.write_file({path}, {data})
function ____exports.write_file(path, data)
    check_path("ts.fs.write_file", path)
    local text = check_data("ts.fs.write_file", data)
    running_task("ts.fs.write_file")
    local err, st = uv.p.fs_stat(path)
    local mode = err == nil and st ~= nil and st.mode % 4096 or 420
    tmp_counter = tmp_counter + 1
    local tmp = ((((path .. ".tsasync-") .. tostring(luv.os_getpid())) .. "-") .. tostring(tmp_counter)) .. ".tmp"
    local f = new_file(path, tmp)
    local ok, e = ypcall(write_body, f, text, mode)
    if ok then
        f.tmp = nil
    end
    release_then(f, ok, e)
    local ok2, e2 = ypcall(uv.fs_rename, tmp, path)
    if not ok2 then
        luv.fs_unlink(tmp)
        error(e2, 0)
    end
end
local function append_body(f, data)
    file_open(
        f,
        "ts.fs.append",
        f.path,
        "a",
        420
    )
    write_all(f, "ts.fs.append", data, nil)
end
--- Appends {data} (a string or a list of strings) to {path}, creating the
-- file (0644 minus the umask) if needed.
-- 
-- @help ts.fs.append({path}, {data})
function ____exports.append(path, data)
    check_path("ts.fs.append", path)
    local text = check_data("ts.fs.append", data)
    running_task("ts.fs.append")
    local f = new_file(path)
    release_then(
        f,
        ypcall(append_body, f, text)
    )
end
--- luv's stat table of {path} (follows symlinks): `type`, `size`, `mode`,
-- `mtime`, ... Raises a UvError with code ENOENT when nothing is there.
-- 
-- @help ts.fs.stat({path})
function ____exports.stat(path)
    check_path("ts.fs.stat", path)
    return uv.fs_stat(path)
end
--- Boolean: whether {path} exists (a broken symlink counts as missing).
-- Raises for errors other than ENOENT / ENOTDIR.
-- 
-- @help ts.fs.exists({path})
function ____exports.exists(path)
    check_path("ts.fs.exists", path)
    local err = uv.p.fs_stat(path)
    if err == nil then
        return true
    end
    if err.code == "ENOENT" or err.code == "ENOTDIR" then
        return false
    end
    return error(err, 0)
end
--- Creates directory {path} and its missing parents (like `mkdir -p`); an
-- existing directory is fine, an existing file raises EEXIST. {mode}
-- defaults to 0755 (minus the umask).
-- 
-- @help ts.fs.mkdir_p({path}, {mode})
function ____exports.mkdir_p(path, mode)
    check_path("ts.fs.mkdir_p", path)
    if mode ~= nil and type(mode) ~= "number" then
        error(
            "ts.fs.mkdir_p: mode must be a number, got " .. type(mode),
            2
        )
    end
    running_task("ts.fs.mkdir_p")
    local p = string.gsub(path, "(.)/+$", "%1")
    mkdir_rec(p, mode or 493)
end
--- Removes {path} and everything below it (like `rm -rf`). Symlinks are
-- removed, not followed; a missing path is fine.
-- 
-- @help ts.fs.rm_rf({path})
function ____exports.rm_rf(path)
    check_path("ts.fs.rm_rf", path)
    running_task("ts.fs.rm_rf")
    rm_rec(path)
end
--- Copies file {from} to {to} (overwriting it); directories recursively
-- (symlinks recreated as symlinks).
-- 
-- @help ts.fs.copy({from}, {to})
function ____exports.copy(from, to)
    check_path("ts.fs.copy", from, "from")
    check_path("ts.fs.copy", to, "to")
    running_task("ts.fs.copy")
    copy_rec(from, to)
end
local function walk_start(w, dir)
    w.inflight = w.inflight + 1
    local req
    local r, e, en = luvm.fs_scandir(
        dir,
        function(err, res)
            w.inflight = w.inflight - 1
            if req ~= nil then
                if w.reqs[req] == false then
                    late_done()
                end
                w.reqs[req] = nil
            end
            if w.stopped then
                return
            end
            if err ~= nil then
                local ue = new_uv_error("fs_scandir", err, dir)
                if dir == w.root or ue.code ~= "ENOENT" and ue.code ~= "ENOTDIR" then
                    if w.err == nil then
                        w.err = ue
                    end
                end
            else
                do
                    while true do
                        local name, ty = luvm.fs_scandir_next(res)
                        if name == nil then
                            break
                        end
                        local path = join(dir, name)
                        local t = entry_type(path, ty)
                        w.pt = w.pt + 1
                        w.paths[w.pt] = path
                        w.types[w.pt] = t
                        if t == "directory" then
                            w.dt = w.dt + 1
                            w.dirs[w.dt] = path
                        end
                    end
                end
            end
            local waiter = w.waiter
            if waiter ~= nil then
                w.waiter = nil
                resume_with(waiter, EMPTY)
            end
        end
    )
    if r == nil then
        w.inflight = w.inflight - 1
        if w.err == nil then
            w.err = new_uv_error("fs_scandir", e, dir, en)
        end
        return
    end
    req = r
    w.reqs[r] = true
end
local function abort_walk(arg)
    local w = arg
    w.waiter = nil
    w.stopped = true
    for req, running in pairs(w.reqs) do
        if running then
            w.reqs[req] = false
            cancel_late(req)
        end
    end
end
register_wait_kind(
    abort_walk,
    function() return "ts.fs.walk" end
)
local function walk_next(w)
    local t = running_task("ts.fs.walk iterator")
    do
        while true do
            check_cancel(t)
            while w.inflight < w.conc and w.dh <= w.dt do
                local d = w.dirs[w.dh]
                w.dirs[w.dh] = nil
                w.dh = w.dh + 1
                walk_start(w, d)
            end
            if w.ph <= w.pt then
                local i = w.ph
                w.ph = i + 1
                local p = w.paths[i]
                local ty = w.types[i]
                w.paths[i] = nil
                w.types[i] = nil
                return p, ty
            end
            if w.err ~= nil then
                local e = w.err
                w.err = nil
                w.stopped = true
                w.dh = w.dt + 1
                error(e, 0)
            end
            if w.inflight == 0 then
                return
            end
            w.waiter = t
            suspend(t, abort_walk, w)
        end
    end
end
--- Iterator of `path, type` for every entry below {dir} (not {dir} itself),
-- in no particular order. `opts.concurrency` (default 8) directories are
-- read at once. Symlinks are reported (type `"link"`), not followed. Work
-- happens while the caller pulls: breaking out of the loop leaves at most
-- `concurrency` requests finishing in the background; cancelling the task
-- cancels the queued ones (`uv.cancel`). A subdirectory vanishing mid-walk
-- is skipped; other errors (and a missing {dir}) are raised by the
-- iterator.
-- ```lua
-- local n = 0
-- for path, type in ts.fs.walk(vim.fn.getcwd(), { concurrency = 16 }) do
--   if type == "file" then n = n + 1 end
-- end
-- ```
-- 
-- @help ts.fs.walk({dir}, {opts})
function ____exports.walk(dir, opts)
    check_path("ts.fs.walk", dir, "dir")
    local conc = 8
    if opts ~= nil then
        if type(opts) ~= "table" then
            error(
                "ts.fs.walk: opts must be a table, got " .. type(opts),
                2
            )
        end
        for k in pairs(opts) do
            if k ~= "concurrency" then
                error(
                    ("ts.fs.walk: unknown option \"" .. tostring(k)) .. "\"",
                    2
                )
            end
        end
        local c = opts.concurrency
        if c ~= nil then
            if type(c) ~= "number" or c < 1 or c ~= math.floor(c) then
                error(
                    "ts.fs.walk: opts.concurrency must be a positive integer, got " .. tostring(c),
                    2
                )
            end
            conc = c
        end
    end
    running_task("ts.fs.walk")
    local w = {
        root = dir,
        conc = conc,
        dirs = {},
        dh = 1,
        dt = 1,
        paths = {},
        types = {},
        ph = 1,
        pt = 0,
        inflight = 0,
        reqs = {},
        stopped = false
    }
    w.dirs[1] = dir
    return function() return walk_next(w) end
end
return ____exports

local ____exports = {}
--- Every callback-taking function of luv as annotated in Neovim 0.12.4, by name.
____exports.specs = {
    walk = {
        nparams = 1,
        cb = 1,
        err = false,
        results = {"handle"},
        kind = "collect"
    },
    close = {
        nparams = 2,
        cb = 2,
        err = false,
        results = {},
        kind = "once"
    },
    timer_start = {
        nparams = 4,
        cb = 4,
        err = false,
        results = {},
        kind = "timer",
        cancel = "stop:timer_stop",
        stop = "timer_stop"
    },
    prepare_start = {
        nparams = 2,
        cb = 2,
        err = false,
        results = {},
        kind = "stream",
        stop = "prepare_stop"
    },
    check_start = {
        nparams = 2,
        cb = 2,
        err = false,
        results = {},
        kind = "stream",
        stop = "check_stop"
    },
    idle_start = {
        nparams = 2,
        cb = 2,
        err = false,
        results = {},
        kind = "stream",
        stop = "idle_stop"
    },
    new_async = {
        nparams = 1,
        cb = 1,
        err = false,
        results = {"..."},
        kind = "handle_stream"
    },
    poll_start = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {"events"},
        kind = "stream",
        stop = "poll_stop"
    },
    signal_start = {
        nparams = 3,
        cb = 3,
        err = false,
        results = {"signame"},
        kind = "stream",
        stop = "signal_stop"
    },
    signal_start_oneshot = {
        nparams = 3,
        cb = 3,
        err = false,
        results = {"signame"},
        kind = "once",
        cancel = "stop:signal_stop"
    },
    spawn = {
        nparams = 3,
        cb = 3,
        err = false,
        results = {"code", "signal"},
        kind = "spawn",
        path = 1
    },
    shutdown = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {},
        kind = "once"
    },
    listen = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {},
        kind = "listen"
    },
    read_start = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"data"},
        kind = "stream",
        stop = "read_stop",
        pause = true,
        eof = true
    },
    write = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {},
        kind = "once"
    },
    write2 = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {},
        kind = "once"
    },
    tcp_connect = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {},
        kind = "once",
        cancel = "close"
    },
    tcp_close_reset = {
        nparams = 2,
        cb = 2,
        err = false,
        results = {},
        kind = "once"
    },
    pipe_connect = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {},
        kind = "once",
        cancel = "close"
    },
    pipe_connect2 = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {},
        kind = "once",
        cancel = "close"
    },
    udp_send = {
        nparams = 5,
        cb = 5,
        err = true,
        results = {},
        kind = "once"
    },
    udp_recv_start = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"data", "addr", "flags"},
        kind = "stream",
        stop = "udp_recv_stop",
        pause = true,
        skip_empty = true
    },
    fs_event_start = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"filename", "events"},
        kind = "stream",
        path = 2,
        stop = "fs_event_stop"
    },
    fs_poll_start = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"prev", "curr"},
        kind = "stream",
        path = 2,
        stop = "fs_poll_stop"
    },
    fs_close = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"success"},
        kind = "once",
        cancel = "req"
    },
    fs_open = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"fd"},
        kind = "once",
        path = 1,
        cancel = "req",
        late = "fd"
    },
    fs_read = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"data"},
        kind = "once",
        cancel = "req"
    },
    fs_unlink = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_write = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"bytes"},
        kind = "once",
        cancel = "req"
    },
    fs_mkdir = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_mkdtemp = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"path"},
        kind = "once",
        cancel = "req",
        late = "mkdtemp"
    },
    fs_mkstemp = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"fd", "path"},
        kind = "once",
        cancel = "req",
        late = "mkstemp"
    },
    fs_rmdir = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_scandir = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_stat = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"stat"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_fstat = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"stat"},
        kind = "once",
        cancel = "req"
    },
    fs_lstat = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"stat"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_rename = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_fsync = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"success"},
        kind = "once",
        cancel = "req"
    },
    fs_fdatasync = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"success"},
        kind = "once",
        cancel = "req"
    },
    fs_ftruncate = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {"success"},
        kind = "once",
        cancel = "req"
    },
    fs_sendfile = {
        nparams = 5,
        cb = 5,
        err = true,
        results = {"bytes"},
        kind = "once",
        cancel = "req"
    },
    fs_access = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {"permission"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_chmod = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_fchmod = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {"success"},
        kind = "once",
        cancel = "req"
    },
    fs_utime = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_futime = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"success"},
        kind = "once",
        cancel = "req"
    },
    fs_lutime = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_link = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_symlink = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_readlink = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"path"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_realpath = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"path"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_chown = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_fchown = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"success"},
        kind = "once",
        cancel = "req"
    },
    fs_lchown = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"success"},
        kind = "once",
        cancel = "req"
    },
    fs_copyfile = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"success"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    fs_opendir = {
        nparams = 3,
        cb = 2,
        err = true,
        results = {"dir"},
        kind = "once",
        path = 1,
        cancel = "req",
        late = "dir"
    },
    fs_readdir = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"entries"},
        kind = "once",
        cancel = "req"
    },
    fs_closedir = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"success"},
        kind = "once",
        cancel = "req"
    },
    fs_statfs = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"stat"},
        kind = "once",
        path = 1,
        cancel = "req"
    },
    new_work = {
        nparams = 2,
        cb = 2,
        err = false,
        results = {"..."},
        kind = "handle_stream"
    },
    getaddrinfo = {
        nparams = 4,
        cb = 4,
        err = true,
        results = {"addresses"},
        kind = "once",
        cancel = "req"
    },
    getnameinfo = {
        nparams = 2,
        cb = 2,
        err = true,
        results = {"host", "service"},
        kind = "once",
        cancel = "req"
    },
    random = {
        nparams = 3,
        cb = 3,
        err = true,
        results = {"bytes"},
        kind = "once"
    }
}
return ____exports

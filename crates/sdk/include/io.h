/*
 * io.h (and direct.h): the Microsoft C runtime's low-level file calls (_access, _open, _read,
 * _findfirst, _mkdir, ...) and the _A_* attribute constants, over POSIX, for building IIS
 * native modules off Windows with iissim. Licence: MIT OR Apache-2.0.
 */
#include <windows.h>

#ifndef _INC_IO
#define _INC_IO

#define _A_NORMAL           0x00
#define _A_RDONLY           0x01
#define _A_HIDDEN           0x02
#define _A_SYSTEM           0x04
#define _A_SUBDIR           0x10
#define _A_ARCH             0x20

#ifdef __IISSIM_POSIX

#define _O_RDONLY           O_RDONLY
#define _O_WRONLY           O_WRONLY
#define _O_RDWR             O_RDWR
#define _O_APPEND           O_APPEND
#define _O_CREAT            O_CREAT
#define _O_TRUNC            O_TRUNC
#define _O_EXCL             O_EXCL
#define _O_BINARY           0
#define _O_TEXT             0
#define _O_NOINHERIT        O_CLOEXEC
#define _S_IREAD            S_IRUSR
#define _S_IWRITE           S_IWUSR
#define _S_IFDIR            S_IFDIR
#define _S_IFREG            S_IFREG
#define _open               open
#define _close              close
#define _read(fd, buf, n)   ((int)read((fd), (buf), (size_t)(n)))
#define _write(fd, buf, n)  ((int)write((fd), (buf), (size_t)(n)))
#define _lseek              lseek
#define _lseeki64           lseek
#define _dup                dup
#define _dup2               dup2
#define _isatty             isatty
#define _fileno             fileno
#define _unlink             unlink
#define _chdir              chdir
#define _getcwd             getcwd
#define _rmdir              rmdir
#define _access             access
#define _fseeki64           fseeko
#define _ftelli64           ftello

static __IISSIM_INLINE int _mkdir(const char *path)
{
    return mkdir(path, 0777);
}

static __IISSIM_INLINE errno_t _access_s(const char *path, int mode)
{
    return access(path, mode) == 0 ? 0 : errno;
}

struct _finddata_t {
    unsigned                attrib;
    time_t                  time_create;
    time_t                  time_access;
    time_t                  time_write;
    unsigned long           size;
    char                    name[260];
};
#define _finddata64i32_t    _finddata_t

static __IISSIM_INLINE void __iissim_finddata(const WIN32_FIND_DATAA *w, struct _finddata_t *d)
{
    d->attrib = w->dwFileAttributes == FILE_ATTRIBUTE_NORMAL ? _A_NORMAL : (unsigned)w->dwFileAttributes;
    d->time_create = (time_t)(__iissim_filetime_u64(&w->ftCreationTime) / 10000000ull - __IISSIM_EPOCH_DIFF);
    d->time_access = (time_t)(__iissim_filetime_u64(&w->ftLastAccessTime) / 10000000ull - __IISSIM_EPOCH_DIFF);
    d->time_write = (time_t)(__iissim_filetime_u64(&w->ftLastWriteTime) / 10000000ull - __IISSIM_EPOCH_DIFF);
    d->size = ((unsigned long)w->nFileSizeHigh << 32) | w->nFileSizeLow;
    memcpy(d->name, w->cFileName, sizeof d->name);
}

/* Returns a search handle, or -1 with errno ENOENT */
static __IISSIM_INLINE intptr_t _findfirst(const char *pattern, struct _finddata_t *d)
{
    WIN32_FIND_DATAA w;
    HANDLE h = FindFirstFileA(pattern, &w);
    if (h == INVALID_HANDLE_VALUE) {
        errno = ENOENT;
        return -1;
    }
    __iissim_finddata(&w, d);
    return (intptr_t)h;
}
static __IISSIM_INLINE int _findnext(intptr_t h, struct _finddata_t *d)
{
    WIN32_FIND_DATAA w;
    if (!FindNextFileA((HANDLE)h, &w)) {
        errno = ENOENT;
        return -1;
    }
    __iissim_finddata(&w, d);
    return 0;
}
static __IISSIM_INLINE int _findclose(intptr_t h)
{
    return FindClose((HANDLE)h) ? 0 : -1;
}

#endif  /* __IISSIM_POSIX */

#endif  /* _INC_IO */

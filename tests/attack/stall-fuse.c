/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* stall-fuse DIR: mounts (as root) a one-file FUSE filesystem on DIR whose
 * file "f" opens fine but whose poll and read are never answered, the way a hostile
 * user's own FUSE server would behave.  Serves until killed; closing
 * /dev/fuse (the kill) ends every request still waiting.  Talks to
 * /dev/fuse directly: no libfuse needed.  Prints "ready" once mounted. */

#include <errno.h>
#include <fcntl.h>
#include <linux/fuse.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILE_NODE 2

static int dev = -1;

static void reply(uint64_t unique, int error, const void *body, size_t size) {
    char buf[sizeof(struct fuse_out_header) + 512];
    struct fuse_out_header *h = (struct fuse_out_header *) buf;
    if (size > 512)
        size = 0;
    h->len = (uint32_t) (sizeof(*h) + (error ? 0 : size));
    h->error = -error;
    h->unique = unique;
    if (!error && size)
        memcpy(buf + sizeof(*h), body, size);
    if (write(dev, buf, h->len) < 0 && errno != ENOENT)
        perror("stall-fuse: write");
}

static void fill_attr(struct fuse_attr *a, uint64_t node) {
    memset(a, 0, sizeof(*a));
    a->ino = node;
    a->mode = node == FUSE_ROOT_ID ? S_IFDIR | 0755 : S_IFREG | 0666;
    a->nlink = node == FUSE_ROOT_ID ? 2 : 1;
    a->blksize = 4096;
    a->size = node == FUSE_ROOT_ID ? 0 : 64;   /* something to read: the kernel asks us */
}

int main(int argc, char *argv[]) {
    if (argc != 2) {
        fprintf(stderr, "usage: stall-fuse DIR\n");
        return 2;
    }
    dev = open("/dev/fuse", O_RDWR | O_CLOEXEC);
    if (dev < 0) {
        perror("stall-fuse: /dev/fuse");
        return 77;
    }
    char opts[128];
    snprintf(opts, sizeof(opts), "fd=%d,rootmode=40000,user_id=0,group_id=0,allow_other", dev);
    if (mount("stall", argv[1], "fuse.stall", MS_NOSUID | MS_NODEV, opts) < 0) {
        perror("stall-fuse: mount");
        return 77;
    }
    printf("ready\n");
    fflush(stdout);

    static char buf[FUSE_MIN_READ_BUFFER + 65536];
    for (;;) {
        ssize_t n = read(dev, buf, sizeof(buf));
        if (n < 0) {
            if (errno == EINTR || errno == ENOENT)
                continue;
            return errno == ENODEV ? 0 : 1;   /* ENODEV: unmounted */
        }
        struct fuse_in_header *in = (struct fuse_in_header *) buf;
        const char *arg = buf + sizeof(*in);
        switch (in->opcode) {
        case FUSE_INIT: {
            const struct fuse_init_in *i = (const void *) arg;
            struct fuse_init_out o = { .major = FUSE_KERNEL_VERSION, .minor = i->minor < FUSE_KERNEL_MINOR_VERSION ? i->minor : FUSE_KERNEL_MINOR_VERSION,
                                       .max_readahead = i->max_readahead, .max_write = 65536 };
            reply(in->unique, 0, &o, i->minor < 23 ? FUSE_COMPAT_22_INIT_OUT_SIZE : sizeof(o));
            break;
        }
        case FUSE_LOOKUP:
            if (in->nodeid == FUSE_ROOT_ID && strcmp(arg, "f") == 0) {
                struct fuse_entry_out e = { .nodeid = FILE_NODE, .generation = 1 };
                fill_attr(&e.attr, FILE_NODE);
                reply(in->unique, 0, &e, sizeof(e));
            } else
                reply(in->unique, ENOENT, NULL, 0);
            break;
        case FUSE_GETATTR: {
            struct fuse_attr_out a = {};
            fill_attr(&a.attr, in->nodeid);
            reply(in->unique, 0, &a, sizeof(a));
            break;
        }
        case FUSE_OPEN:
        case FUSE_OPENDIR: {
            struct fuse_open_out o = { .fh = 1 };
            reply(in->unique, 0, &o, sizeof(o));
            break;
        }
        case FUSE_POLL:
        case FUSE_READ:
        case FUSE_INTERRUPT:
        case FUSE_FORGET:
        case FUSE_BATCH_FORGET:
            break;    /* POLL, READ: never answered, that is the point */
        case FUSE_FLUSH:
        case FUSE_RELEASE:
        case FUSE_RELEASEDIR:
            reply(in->unique, 0, NULL, 0);
            break;
        default:
            reply(in->unique, ENOSYS, NULL, 0);
        }
    }
}

# pppras — top-level build.  `make`, `make check`, `make demo`, `make install`.
# `make V=1` shows the commands; `make SANITIZE=1` builds with ASan + UBSan
# into build/san/ and runs the same tests against that build.

VERSION     := 0.1.0
SOVERSION   := 1

CC          ?= cc
PKG_CONFIG  ?= pkg-config
PREFIX      ?= /usr
SYSCONFDIR  ?= /etc
# The multiarch triplet, never the compiler's target name (clang's
# x86_64-pc-linux-gnu is no directory of Debian's): dpkg's answer, else
# the compiler's own -print-multiarch, else plain lib.
# Asked once, and only by the rules that install.
MULTIARCH   ?= $(eval MULTIARCH := $(shell dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || \
                   $(CC) -print-multiarch 2>/dev/null))$(MULTIARCH)
LIBDIR      ?= $(PREFIX)/lib$(if $(MULTIARCH),/$(MULTIARCH))
INCLUDEDIR  ?= $(PREFIX)/include
BINDIR      ?= $(PREFIX)/bin
SBINDIR     ?= $(PREFIX)/sbin
LIBEXECDIR  ?= $(PREFIX)/libexec
DESTDIR     ?=
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man
# Where systemd and the system bus look, whatever PREFIX is.
SYSTEMDUNITDIR ?= $(or $(shell $(PKG_CONFIG) --variable=systemdsystemunitdir systemd 2>/dev/null),/lib/systemd/system)
SYSUSERSDIR    ?= $(or $(shell $(PKG_CONFIG) --variable=sysusersdir systemd 2>/dev/null),/usr/lib/sysusers.d)
TMPFILESDIR    ?= $(or $(shell $(PKG_CONFIG) --variable=tmpfilesdir systemd 2>/dev/null),/usr/lib/tmpfiles.d)
DBUSDIR        ?= $(or $(shell $(PKG_CONFIG) --variable=datadir dbus-1 2>/dev/null),/usr/share)/dbus-1

# `make PPPD_PREFIX=DIR` builds everything against the pppd installed
# under DIR (its headers in DIR/include/pppd, its plugins in
# DIR/lib/pppd/VERSION) into build/pppd-VERSION/: this is how the plugin
# is built and tested against ppp 2.5 on a system whose ppp-dev is 2.4.9.
PPPD_PREFIX ?=
ifneq ($(PPPD_PREFIX),)
PPPD_VERSION := $(shell sed -n 's/^\#define \(PPPD_\)\{0,1\}VERSION[[:space:]]*"\(.*\)"/\2/p' \
                  $(PPPD_PREFIX)/include/pppd/pppdconf.h $(PPPD_PREFIX)/include/pppd/patchlevel.h 2>/dev/null | head -n1)
PPPD_PLUGINDIR := $(PPPD_PREFIX)/lib/pppd/$(PPPD_VERSION)
PPPD_CFLAGS    := -I$(PPPD_PREFIX)/include
endif

ifneq ($(PPPD_PREFIX),)
B           := build/pppd-$(PPPD_VERSION)
SAN_FLAGS   :=
else ifeq ($(SANITIZE),1)
B           := build/san
SAN_FLAGS   := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
B           := build
SAN_FLAGS   :=
endif

ifeq ($(V),1)
Q :=
else
Q := @
endif

PPPD_VERSION ?= $(shell sed -n 's/^\#define VERSION[[:space:]]*"\(.*\)"/\1/p' /usr/include/pppd/patchlevel.h 2>/dev/null)
PPPD_PLUGINDIR ?= /usr/lib/pppd/$(PPPD_VERSION)

# -Werror is the project's own check: a build for a distribution (whose
# next compiler may warn about more) sets WERROR= (debian/rules does).
WERROR      ?= -Werror
WARN        := -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
               -Wno-unused-parameter -Wformat=2 -Wvla
# Hardened unless the caller says otherwise: the caller's CFLAGS replace
# both defaults (fortify needs the optimiser, which those CFLAGS may not
# ask for), the caller's CPPFLAGS replace the fortify one.
ifeq ($(origin CFLAGS),undefined)
CFLAGS      := -O2 -g -fstack-protector-strong
CPPFLAGS    ?= -D_FORTIFY_SOURCE=2
endif
ALL_CFLAGS  := -std=gnu11 $(WARN) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) -fPIC -D_GNU_SOURCE \
               -DPPPRAS_VERSION='"$(VERSION)"' -Icommon -Iclient-lib/include -MMD -MP
ALL_LDFLAGS := $(LDFLAGS) $(SAN_FLAGS) -Wl,--as-needed -Wl,-z,relro -Wl,-z,now

SYSTEMD_CFLAGS := $(shell $(PKG_CONFIG) --cflags libsystemd 2>/dev/null)
SYSTEMD_LIBS   := $(shell $(PKG_CONFIG) --libs libsystemd 2>/dev/null)
DBUS_CFLAGS    := $(shell $(PKG_CONFIG) --cflags dbus-1 2>/dev/null)
DBUS_LIBS      := $(shell $(PKG_CONFIG) --libs dbus-1 2>/dev/null)
CHECK_CFLAGS   := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS     := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

COMMON_SRC  := $(wildcard common/*.c)
DAEMON_SRC  := $(wildcard daemon/*.c)
PLUGIN_SRC  := $(wildcard pppd-plugin/*.c)
LIB_SRC     := $(wildcard client-lib/*.c)
UNIT_SRC    := $(wildcard tests/unit/*.c)
BUSTEST_SRC := $(wildcard tests/bus/*.c)
BENCH_SRC   := $(wildcard tests/bench/*.c)
STRESS_SRC  := $(wildcard tests/stress/*.c)
ATTACK_SRC  := $(wildcard tests/attack/*.c)
L2TP_SRC    := $(wildcard l2tp/*.c)
# the L2TP LAC's protocol code, which the unit tests link too
L2TP_LIB_SRC := $(filter-out l2tp/main.c l2tp/lac.c,$(L2TP_SRC))
L2TP_HELPER := $(LIBEXECDIR)/pppras/pppras-l2tp

obj = $(patsubst %.c,$(B)/obj/%.o,$(1))

LIBNAME     := libpppras.so
LIB         := $(B)/$(LIBNAME).$(SOVERSION)
PROGRAMS    := $(B)/ppprasd $(B)/pppras.so $(LIB) $(B)/$(LIBNAME) $(B)/rasdial $(B)/wnet \
               $(B)/install/rasdial $(B)/install/wnet \
               $(B)/pppras-uninstalled.pc $(B)/tests/bus-wait-name $(B)/tests/ras-probe $(B)/tests/ras-entry \
               $(B)/tests/modem-emu $(B)/pppras-l2tp
TESTS       := $(B)/tests/unit-tests $(B)/tests/bus-tests $(B)/tests/e2e-link \
               $(B)/tests/wnet-name-tests $(B)/tests/wnet-sshfs-tests $(B)/tests/bench \
               $(B)/tests/fake-pppd $(B)/tests/stress \
               $(patsubst tests/attack/%.c,$(B)/tests/attack/%,$(ATTACK_SRC))

.PHONY: all deps check check-fast check-unit check-bus check-vm check-e2e-in-vm \
        demo install uninstall clean examples porting bench bench-vm check-service-vm check-stress \
        check-fresh check-clang dist deb
all: $(PROGRAMS) $(TESTS) examples porting

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(EXTRA_CFLAGS) -c -o $@ $<

# pppd's PPPoE plugin: rp-pppoe.so up to 2.4, only pppoe.so from 2.5 on
PPPD_PPPOE_PLUGIN := $(if $(filter 2.4.%,$(PPPD_VERSION)),rp-pppoe.so,pppoe.so)

$(call obj,$(DAEMON_SRC)):  EXTRA_CFLAGS = $(SYSTEMD_CFLAGS) -DPPPRAS_PLUGIN_PATH='"$(PPPD_PLUGINDIR)/pppras.so"' \
                            -DPPPRAS_L2TP_HELPER_PATH='"$(L2TP_HELPER)"' \
                            -DPPPD_PPPOE_PLUGIN='"$(PPPD_PPPOE_PLUGIN)"'
$(call obj,$(L2TP_SRC)):    EXTRA_CFLAGS = -Il2tp
$(call obj,$(PLUGIN_SRC)):  EXTRA_CFLAGS = $(PPPD_CFLAGS) $(DBUS_CFLAGS) -fvisibility=hidden -fno-sanitize=all
$(call obj,$(LIB_SRC)):     EXTRA_CFLAGS = $(DBUS_CFLAGS) -fvisibility=hidden
$(call obj,$(UNIT_SRC) $(BUSTEST_SRC)): EXTRA_CFLAGS = $(CHECK_CFLAGS) $(DBUS_CFLAGS) -Iclient-lib -Idaemon -Il2tp \
                                         -DPPPD_PPPOE_PLUGIN='"$(PPPD_PPPOE_PLUGIN)"'
$(B)/obj/tests/bus-wait-name.o $(B)/obj/tests/e2e-link.o $(B)/obj/tests/ras-probe.o $(B)/obj/tests/ras-entry.o: EXTRA_CFLAGS = $(DBUS_CFLAGS)
$(B)/obj/tests/fake-pppd.o: EXTRA_CFLAGS = $(DBUS_CFLAGS) -Itests -Ipppd-plugin
$(call obj,$(BENCH_SRC)):   EXTRA_CFLAGS = $(DBUS_CFLAGS) $(SYSTEMD_CFLAGS) -Itests/bus

$(B)/ppprasd: $(call obj,$(DAEMON_SRC) $(COMMON_SRC))
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SYSTEMD_LIBS)

# The L2TP LAC that pppd runs as its pty program for L2TP entries.
$(B)/pppras-l2tp: $(call obj,$(L2TP_SRC))
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^

# The plugin lives inside pppd: no sanitizer runtime there (pppd is not
# built with it), and only the symbols pppd looks up are exported.
$(B)/pppras.so: $(call obj,$(PLUGIN_SRC)) pppd-plugin/pppras.map
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -shared $(filter-out $(SAN_FLAGS),$(ALL_LDFLAGS)) -Wl,--version-script=pppd-plugin/pppras.map \
		-o $@ $(filter %.o,$^) $(DBUS_LIBS)

$(LIB): $(call obj,$(LIB_SRC) $(COMMON_SRC)) client-lib/libpppras.map
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -shared $(ALL_LDFLAGS) -Wl,-soname,$(LIBNAME).$(SOVERSION) \
		-Wl,--version-script=client-lib/libpppras.map -o $@ \
		$(call obj,$(LIB_SRC) $(COMMON_SRC)) $(DBUS_LIBS) -lpthread

$(B)/$(LIBNAME): $(LIB)
	$(Q)ln -sf $(LIBNAME).$(SOVERSION) $@

# build/rasdial and build/wnet find build/libpppras.so.1 next to them
# ($ORIGIN) so that tests and the demo run them from the tree, as any
# user; the copies `make install` installs are linked again without that
# RUNPATH into $(B)/install/ and use the system's library.
RASDIAL_OBJ := $(call obj,tools/rasdial.c)
# wnet also links the WNet error texts (common/wnet-errors.c) for net.exe-style messages.
WNET_OBJ    := $(call obj,tools/wnet.c common/wnet-errors.c common/bus-errors.c)
TOOL_RPATH  := -Wl,-rpath,'$$ORIGIN'

$(B)/rasdial $(B)/install/rasdial: $(RASDIAL_OBJ) $(B)/$(LIBNAME)
$(B)/wnet $(B)/install/wnet: $(WNET_OBJ) $(B)/$(LIBNAME)
$(B)/install/rasdial $(B)/install/wnet: TOOL_RPATH :=
$(B)/rasdial $(B)/wnet $(B)/install/rasdial $(B)/install/wnet:
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) -L$(B) -lpppras $(TOOL_RPATH)

$(B)/pppras-uninstalled.pc: client-lib/pppras.pc.in Makefile
	@mkdir -p $(B)
	$(Q)sed -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBDIR@|$(CURDIR)/$(B)|' \
		-e 's|@INCLUDEDIR@|$(CURDIR)/client-lib/include|' \
		-e 's|@RPATH@|-Wl,-rpath,$(CURDIR)/$(B)|' $< >$@

$(B)/pppras.pc: client-lib/pppras.pc.in Makefile
	@mkdir -p $(B)
	$(Q)sed -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)/pppras|' -e 's|@RPATH@||' $< >$@

# ---------------------------------------------------------------- tests
$(B)/tests/unit-tests: $(call obj,$(UNIT_SRC) $(COMMON_SRC) $(filter-out client-lib/main.c,$(LIB_SRC)) $(filter-out daemon/main.c,$(DAEMON_SRC)) \
                       pppd-plugin/link-end-file.c pppd-plugin/device-env.c pppd-plugin/pty-program.c \
                       $(L2TP_LIB_SRC))
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(DBUS_LIBS) $(SYSTEMD_LIBS) -lpthread

$(B)/tests/bus-tests: $(call obj,$(BUSTEST_SRC)) $(B)/$(LIBNAME)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(call obj,$(BUSTEST_SRC)) -L$(B) -lpppras \
		-Wl,-rpath,'$$ORIGIN/..' $(CHECK_LIBS) $(DBUS_LIBS) -lpthread

$(B)/tests/bus-wait-name: $(call obj,tests/bus-wait-name.c)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(DBUS_LIBS)

# The Hayes modem on a pty that the modem scenarios dial (tests/vm/scenarios-links).
$(B)/tests/modem-emu: $(call obj,tests/modem-emu.c)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^

# The bus tests' and benchmarks' stand-in pppd (tests/bus/fake-plugin.h);
# it keeps its exit status on disk as the plugin does.
$(B)/tests/fake-pppd: $(call obj,tests/fake-pppd.c pppd-plugin/link-end-file.c pppd-plugin/device-env.c)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(DBUS_LIBS)

# The attacks' hostile client and their never-answering FUSE server.
$(call obj,$(ATTACK_SRC)): EXTRA_CFLAGS = $(DBUS_CFLAGS) $(SYSTEMD_CFLAGS)

$(B)/tests/attack/%: $(B)/obj/tests/attack/%.o
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(DBUS_LIBS) $(SYSTEMD_LIBS)

$(B)/tests/e2e-link: $(call obj,tests/e2e-link.c) $(B)/$(LIBNAME)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< -L$(B) -lpppras -Wl,-rpath,'$$ORIGIN/..'

$(call obj,tests/wnet/wnet-name-tests.c): EXTRA_CFLAGS = $(CHECK_CFLAGS) -Idaemon
$(call obj,tests/wnet/wnet-sshfs-tests.c): EXTRA_CFLAGS = $(CHECK_CFLAGS)

$(B)/tests/wnet-name-tests: $(call obj,tests/wnet/wnet-name-tests.c daemon/network-name.c daemon/network-profile.c daemon/atomic-file.c)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(SYSTEMD_LIBS)

$(B)/tests/wnet-sshfs-tests: $(call obj,tests/wnet/wnet-sshfs-tests.c) $(B)/$(LIBNAME)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< -L$(B) -lpppras -Wl,-rpath,'$$ORIGIN/..' $(CHECK_LIBS)

$(B)/tests/ras-probe $(B)/tests/ras-entry: $(B)/tests/%: $(B)/obj/tests/%.o $(B)/$(LIBNAME)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< -L$(B) -lpppras -Wl,-rpath,'$$ORIGIN/..' $(DBUS_LIBS)

# The benchmarks drive the daemon with the bus tests' fake pppd.
$(B)/tests/bench: $(call obj,$(BENCH_SRC) tests/bus/fake-plugin.c tests/bus/program-path.c) $(B)/$(LIBNAME)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) -L$(B) -lpppras -Wl,-rpath,'$$ORIGIN/..' \
		$(DBUS_LIBS) $(SYSTEMD_LIBS) -lpthread

# The reliability tests drive the daemon with the same fake pppd.
$(call obj,$(STRESS_SRC)):  EXTRA_CFLAGS = $(DBUS_CFLAGS) -Itests/bus -Itests/bench
$(B)/tests/stress: $(call obj,$(STRESS_SRC) tests/bus/fake-plugin.c tests/bus/program-path.c tests/bus/connection-object.c \
                  tests/bench/bench-stats.c) $(B)/$(LIBNAME) $(B)/tests/fake-pppd
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) -L$(B) -lpppras -Wl,-rpath,'$$ORIGIN/..' $(DBUS_LIBS) -lpthread

EXAMPLES := $(patsubst docs/examples/%.c,$(B)/examples/%,$(wildcard docs/examples/*.c))
examples: $(EXAMPLES)
$(B)/examples/%: docs/examples/%.c $(B)/$(LIBNAME) $(B)/pppras-uninstalled.pc
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (pkg-config pppras-uninstalled)")
	$(Q)$(CC) -std=gnu11 $(WARN) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) -o $@ $< \
		$$(PKG_CONFIG_PATH=$(B) $(PKG_CONFIG) --cflags --libs pppras-uninstalled)

# The porting test: programs written as Windows' samples are, built
# unedited through pkg-config in both character sets (tests/porting/).
PORTING := $(foreach p,$(patsubst tests/porting/%.c,%,$(wildcard tests/porting/*.c)), \
             $(B)/tests/porting/$(p)-ansi $(B)/tests/porting/$(p)-unicode)
porting: $(PORTING)
$(B)/tests/porting/%-ansi: tests/porting/%.c $(B)/$(LIBNAME) $(B)/pppras-uninstalled.pc $(wildcard client-lib/include/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (ANSI)")
	$(Q)$(CC) -std=gnu11 $(WARN) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) -o $@ $< \
		$$(PKG_CONFIG_PATH=$(B) $(PKG_CONFIG) --cflags --libs pppras-uninstalled)
$(B)/tests/porting/%-unicode: tests/porting/%.c $(B)/$(LIBNAME) $(B)/pppras-uninstalled.pc $(wildcard client-lib/include/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (UNICODE)")
	$(Q)$(CC) -std=gnu11 $(WARN) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) -DUNICODE -D_UNICODE -o $@ $< \
		$$(PKG_CONFIG_PATH=$(B) $(PKG_CONFIG) --cflags --libs pppras-uninstalled)

deps:
	@tests/install-deps

check: deps
	@PPPRAS_BUILD=$(CURDIR)/$(B) tests/run-checks full

check-fast: deps
	@PPPRAS_BUILD=$(CURDIR)/$(B) tests/run-checks fast

# The README's two commands, as given, in a fresh debootstrapped Debian 12
# root with HEAD cloned into /root (tests/check-fresh; docs/testing.md).
check-fresh: deps
	@tests/check-fresh

check-unit: all
	$(B)/tests/unit-tests

check-bus: all
	tests/with-private-bus $(B)/tests/bus-tests

check-vm: all
	PPPRAS_BUILD=$(CURDIR)/$(B) $(if $(PPPD_PREFIX),PPPRAS_PPPD=$(PPPD_PREFIX)/sbin/pppd) tests/vm/run-suite
	$(if $(PPPD_PREFIX),,tests/vm/run-service)

# The installed system service under systemd as PID 1 (installs build/).
check-service-vm:
	tests/vm/run-service

# The long reliability runs (docs/reliability.md) against the sanitizer
# build; VALGRIND=1 adds the cycles with the plain build's daemon under
# valgrind (one without pidfd_open, as Debian's 3.19, is fine: the
# daemon then follows pppd by pid and start time).  Then 200 real dial/hang-up
# cycles in the QEMU guest with the sanitizer build's daemon (half an hour
# under TCG: not part of make check).
check-stress: all
	@$(MAKE) -s SANITIZE=1 all
	@PPPRAS_BUILD=$(CURDIR)/build/san PPPRAS_VALGRIND_BUILD=$(if $(VALGRIND),$(CURDIR)/build) \
		tests/stress/run-stress long
	@PPPRAS_BUILD=$(CURDIR)/build/san PPPRAS_STRESS_CYCLES=200 PPPRAS_VM_TIMEOUT=3600 \
		ASAN_OPTIONS=$${ASAN_OPTIONS:-quarantine_size_mb=16} tests/vm/run-suite stress_cycles

# The table is the result: a missed goal does not fail (docs/performance.md).
# Every fake link holds a pidfd in the daemon: the soft fd limit goes up.
bench: all
	@PPPRAS_BUILD=$(CURDIR)/$(B) tests/with-private-bus $(B)/tests/bench --check-refusals
	@ulimit -n $$(ulimit -Hn); PPPRAS_BUILD=$(CURDIR)/$(B) \
		PPPRAS_DAEMON_ARGS="$${PPPRAS_DAEMON_ARGS:-} --test-allow-fake-pids" \
		tests/with-private-bus $(B)/tests/bench
	@$(MAKE) -s bench-vm

# Real pppd in the QEMU guest: RasDial -> Connected against the same pppd
# without the plugin (scenario bench_dial).
bench-vm: all
	@PPPRAS_BUILD=$(CURDIR)/$(B) tests/vm/run-suite bench_dial | grep -E '^(bench_dial|FAIL|vm:)'

# `all` only once deps ran: this make read pkg-config's flags before the
# packages that provide them were installed.
demo: deps
	@$(MAKE) --no-print-directory all
	@tests/demo

# The same tree built with clang, into build/clang/ (warning-free as with gcc).
check-clang:
	@$(MAKE) -s CC=clang B=build/clang all

# ---------------------------------------------------------------- packages
DIST := pppras-$(VERSION)

# The release tarball: HEAD as committed, debian/ left out (the Debian
# source package builds from this tarball as its .orig.tar.gz and adds
# debian/ itself; debian/README.source).
dist:
	@mkdir -p build
	git archive --format=tar.gz --prefix=$(DIST)/ -o build/$(DIST).tar.gz HEAD -- . ':(exclude)debian'
	@echo "dist: build/$(DIST).tar.gz"

# The Debian source and binary packages of the tree as it is now (edits
# included), with lintian's verdict, into build/deb/ (tests/build-debs).
deb:
	@tests/build-debs build/deb

# ---------------------------------------------------------------- install
MAN_PAGES   := $(wildcard docs/man/*.[1-8])
PUBLIC_HEADERS := $(wildcard client-lib/include/*.h)

# Headers go to INCLUDEDIR/pppras so that their Windows names (windows.h,
# ras.h) never shadow anything; `pkg-config --cflags pppras` points there.
# The configuration file is installed only when none is there: it is the
# administrator's once installed.
install: all
	install -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
		$(DESTDIR)$(INCLUDEDIR)/pppras $(DESTDIR)$(PPPD_PLUGINDIR)
	install -m 0755 $(B)/ppprasd $(DESTDIR)$(SBINDIR)/ppprasd
	install -D -m 0755 $(B)/pppras-l2tp $(DESTDIR)$(L2TP_HELPER)
	install -m 0755 $(B)/install/rasdial $(DESTDIR)$(BINDIR)/rasdial
	install -m 0755 $(B)/install/wnet $(DESTDIR)$(BINDIR)/wnet
	install -m 0644 $(B)/pppras.so $(DESTDIR)$(PPPD_PLUGINDIR)/pppras.so
	install -m 0644 $(LIB) $(DESTDIR)$(LIBDIR)/$(LIBNAME).$(SOVERSION)
	ln -sf $(LIBNAME).$(SOVERSION) $(DESTDIR)$(LIBDIR)/$(LIBNAME)
	install -m 0644 $(PUBLIC_HEADERS) $(DESTDIR)$(INCLUDEDIR)/pppras/
	sed -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)/pppras|' -e 's|@RPATH@||' \
		client-lib/pppras.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/pppras.pc
	chmod 0644 $(DESTDIR)$(LIBDIR)/pkgconfig/pppras.pc
	install -d $(DESTDIR)$(SYSTEMDUNITDIR)
	sed -e 's|/usr/sbin/ppprasd|$(SBINDIR)/ppprasd|' systemd/ppprasd.service \
		>$(DESTDIR)$(SYSTEMDUNITDIR)/ppprasd.service
	chmod 0644 $(DESTDIR)$(SYSTEMDUNITDIR)/ppprasd.service
	install -D -m 0644 systemd/org.pppras.Ras1.conf $(DESTDIR)$(DBUSDIR)/system.d/org.pppras.Ras1.conf
	install -D -m 0644 systemd/org.pppras.Ras1.service \
		$(DESTDIR)$(DBUSDIR)/system-services/org.pppras.Ras1.service
	install -D -m 0644 systemd/pppras.sysusers $(DESTDIR)$(SYSUSERSDIR)/pppras.conf
	install -D -m 0644 systemd/pppras.tmpfiles $(DESTDIR)$(TMPFILESDIR)/pppras.conf
	install -d $(DESTDIR)$(SYSCONFDIR)/pppras
	if [ -f systemd/ppprasd.conf ] && [ ! -e $(DESTDIR)$(SYSCONFDIR)/pppras/ppprasd.conf ]; then \
		install -m 0644 systemd/ppprasd.conf $(DESTDIR)$(SYSCONFDIR)/pppras/ppprasd.conf; fi
	set -e; for page in $(MAN_PAGES); do \
		install -D -m 0644 $$page $(DESTDIR)$(MANDIR)/man$${page##*.}/$${page##*/}; done

# Leaves /etc/pppras/ppprasd.conf alone when the administrator changed it.
uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/ppprasd $(DESTDIR)$(L2TP_HELPER) $(DESTDIR)$(BINDIR)/rasdial $(DESTDIR)$(BINDIR)/wnet \
		$(DESTDIR)$(PPPD_PLUGINDIR)/pppras.so $(DESTDIR)$(LIBDIR)/$(LIBNAME) \
		$(DESTDIR)$(LIBDIR)/$(LIBNAME).$(SOVERSION) $(DESTDIR)$(LIBDIR)/pkgconfig/pppras.pc \
		$(DESTDIR)$(SYSTEMDUNITDIR)/ppprasd.service \
		$(DESTDIR)$(DBUSDIR)/system.d/org.pppras.Ras1.conf \
		$(DESTDIR)$(DBUSDIR)/system-services/org.pppras.Ras1.service \
		$(DESTDIR)$(SYSUSERSDIR)/pppras.conf $(DESTDIR)$(TMPFILESDIR)/pppras.conf \
		$(addprefix $(DESTDIR)$(INCLUDEDIR)/pppras/,$(notdir $(PUBLIC_HEADERS)))
	rmdir $(DESTDIR)$(INCLUDEDIR)/pppras $(DESTDIR)$(LIBEXECDIR)/pppras 2>/dev/null || true
	if cmp -s systemd/ppprasd.conf $(DESTDIR)$(SYSCONFDIR)/pppras/ppprasd.conf; then \
		rm -f $(DESTDIR)$(SYSCONFDIR)/pppras/ppprasd.conf; fi
	rmdir $(DESTDIR)$(SYSCONFDIR)/pppras 2>/dev/null || true
	set -e; for page in $(MAN_PAGES); do \
		rm -f $(DESTDIR)$(MANDIR)/man$${page##*.}/$${page##*/}; done

clean:
	rm -rf build

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)

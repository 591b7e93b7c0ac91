# pppras — top-level build.  `make`, `make check`, `make demo`, `make install`.
# `make V=1` shows the commands; `make SANITIZE=1` builds with ASan + UBSan
# into build/san/ and runs the same tests against that build.

VERSION     := 0.1.0
SOVERSION   := 1

CC          ?= cc
PKG_CONFIG  ?= pkg-config
PREFIX      ?= /usr
SYSCONFDIR  ?= /etc
LIBDIR      ?= $(PREFIX)/lib/$(shell $(CC) -dumpmachine 2>/dev/null)
INCLUDEDIR  ?= $(PREFIX)/include
BINDIR      ?= $(PREFIX)/bin
SBINDIR     ?= $(PREFIX)/sbin
DESTDIR     ?=

ifeq ($(SANITIZE),1)
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

PPPD_VERSION := $(shell sed -n 's/^\#define VERSION[[:space:]]*"\(.*\)"/\1/p' /usr/include/pppd/patchlevel.h 2>/dev/null)
PPPD_PLUGINDIR ?= /usr/lib/pppd/$(PPPD_VERSION)

WARN        := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
               -Wno-unused-parameter -Wformat=2 -Wvla
CFLAGS      ?= -O2 -g
ALL_CFLAGS  := -std=gnu11 $(WARN) $(CFLAGS) $(SAN_FLAGS) -fPIC -D_GNU_SOURCE \
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

obj = $(patsubst %.c,$(B)/obj/%.o,$(1))

LIBNAME     := libpppras.so
LIB         := $(B)/$(LIBNAME).$(SOVERSION)
PROGRAMS    := $(B)/ppprasd $(B)/pppras.so $(LIB) $(B)/$(LIBNAME) $(B)/rasdial \
               $(B)/pppras-uninstalled.pc $(B)/tests/bus-wait-name $(B)/tests/ras-probe
TESTS       := $(B)/tests/unit-tests $(B)/tests/bus-tests $(B)/tests/e2e-link

.PHONY: all deps check check-fast check-unit check-bus check-vm check-e2e-in-vm \
        demo install uninstall clean examples
all: $(PROGRAMS) $(TESTS) examples

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(EXTRA_CFLAGS) -c -o $@ $<

$(call obj,$(DAEMON_SRC)):  EXTRA_CFLAGS = $(SYSTEMD_CFLAGS) -DPPPRAS_PLUGIN_PATH='"$(PPPD_PLUGINDIR)/pppras.so"'
$(call obj,$(PLUGIN_SRC)):  EXTRA_CFLAGS = $(DBUS_CFLAGS) -fvisibility=hidden -fno-sanitize=all
$(call obj,$(LIB_SRC)):     EXTRA_CFLAGS = $(DBUS_CFLAGS) -fvisibility=hidden
$(call obj,$(UNIT_SRC) $(BUSTEST_SRC)): EXTRA_CFLAGS = $(CHECK_CFLAGS) $(DBUS_CFLAGS)
$(B)/obj/tests/bus-wait-name.o $(B)/obj/tests/e2e-link.o $(B)/obj/tests/ras-probe.o: EXTRA_CFLAGS = $(DBUS_CFLAGS)

$(B)/ppprasd: $(call obj,$(DAEMON_SRC) $(COMMON_SRC))
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SYSTEMD_LIBS)

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

$(B)/rasdial: $(call obj,tools/rasdial.c) $(B)/$(LIBNAME)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< -L$(B) -lpppras -Wl,-rpath,'$$ORIGIN'

$(B)/pppras-uninstalled.pc: client-lib/pppras.pc.in Makefile
	@mkdir -p $(B)
	$(Q)sed -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBDIR@|$(CURDIR)/$(B)|' \
		-e 's|@INCLUDEDIR@|$(CURDIR)/client-lib/include|' \
		-e 's|@RPATH@|-Wl,-rpath,$(CURDIR)/$(B)|' $< >$@

$(B)/pppras.pc: client-lib/pppras.pc.in Makefile
	@mkdir -p $(B)
	$(Q)sed -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@RPATH@||' $< >$@

# ---------------------------------------------------------------- tests
$(B)/tests/unit-tests: $(call obj,$(UNIT_SRC) $(COMMON_SRC) $(filter-out client-lib/main.c,$(LIB_SRC)) $(filter-out daemon/main.c,$(DAEMON_SRC)))
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

$(B)/tests/e2e-link: $(call obj,tests/e2e-link.c) $(B)/$(LIBNAME)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< -L$(B) -lpppras -Wl,-rpath,'$$ORIGIN/..'

$(B)/tests/ras-probe: $(call obj,tests/ras-probe.c) $(B)/$(LIBNAME)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< -L$(B) -lpppras -Wl,-rpath,'$$ORIGIN/..' $(DBUS_LIBS)

EXAMPLES := $(patsubst docs/examples/%.c,$(B)/examples/%,$(wildcard docs/examples/*.c))
examples: $(EXAMPLES)
$(B)/examples/%: docs/examples/%.c $(B)/$(LIBNAME) $(B)/pppras-uninstalled.pc
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (pkg-config pppras-uninstalled)")
	$(Q)$(CC) -std=gnu11 $(WARN) $(SAN_FLAGS) -o $@ $< \
		$$(PKG_CONFIG_PATH=$(B) $(PKG_CONFIG) --cflags --libs pppras-uninstalled)

deps:
	@tests/install-deps

check: deps
	@PPPRAS_BUILD=$(CURDIR)/$(B) tests/run-checks full

check-fast: deps
	@PPPRAS_BUILD=$(CURDIR)/$(B) tests/run-checks fast

check-unit: all
	$(B)/tests/unit-tests

check-bus: all
	tests/with-private-bus $(B)/tests/bus-tests

check-vm: all
	PPPRAS_BUILD=$(CURDIR)/$(B) tests/vm/run-suite

demo: deps all
	@tests/demo

# ---------------------------------------------------------------- install
install: all $(B)/pppras.pc
	install -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
		$(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PPPD_PLUGINDIR)
	install -m 0755 $(B)/ppprasd $(DESTDIR)$(SBINDIR)/ppprasd
	install -m 0755 $(B)/rasdial $(DESTDIR)$(BINDIR)/rasdial
	install -m 0644 $(B)/pppras.so $(DESTDIR)$(PPPD_PLUGINDIR)/pppras.so
	install -m 0755 $(LIB) $(DESTDIR)$(LIBDIR)/$(LIBNAME).$(SOVERSION)
	ln -sf $(LIBNAME).$(SOVERSION) $(DESTDIR)$(LIBDIR)/$(LIBNAME)
	install -m 0644 client-lib/include/*.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 0644 $(B)/pppras.pc $(DESTDIR)$(LIBDIR)/pkgconfig/pppras.pc
	install -D -m 0644 systemd/org.pppras.Ras1.conf $(DESTDIR)$(PREFIX)/share/dbus-1/system.d/org.pppras.Ras1.conf
	install -D -m 0644 systemd/ppprasd.service $(DESTDIR)$(PREFIX)/lib/systemd/system/ppprasd.service

uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/ppprasd $(DESTDIR)$(BINDIR)/rasdial \
		$(DESTDIR)$(PPPD_PLUGINDIR)/pppras.so $(DESTDIR)$(LIBDIR)/$(LIBNAME) \
		$(DESTDIR)$(LIBDIR)/$(LIBNAME).$(SOVERSION) $(DESTDIR)$(LIBDIR)/pkgconfig/pppras.pc \
		$(DESTDIR)$(PREFIX)/share/dbus-1/system.d/org.pppras.Ras1.conf \
		$(DESTDIR)$(PREFIX)/lib/systemd/system/ppprasd.service
	cd $(DESTDIR)$(INCLUDEDIR) && rm -f $(notdir $(wildcard client-lib/include/*.h))

clean:
	rm -rf build

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GSubprocess *process;
  char        *url;
  char        *dir;
  char        *database;
} HeraldTestServer;

HeraldTestServer *herald_test_server_start (const char * const *extra_args);
int               herald_test_server_stop  (HeraldTestServer   *server,
                                            int                 signum);
void              herald_test_server_free  (HeraldTestServer   *server);
const char       *herald_test_server_binary (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldTestServer, herald_test_server_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HERALD_TYPE_HTTP_SERVER (herald_http_server_get_type ())

G_DECLARE_FINAL_TYPE (HeraldHttpServer, herald_http_server, HERALD, HTTP_SERVER, GObject)

HeraldHttpServer *herald_http_server_new         (const char        *database_path);
gboolean          herald_http_server_listen      (HeraldHttpServer  *self,
                                                  const char        *address,
                                                  guint              port,
                                                  GError           **error);
guint             herald_http_server_get_port    (HeraldHttpServer  *self);
char             *herald_http_server_get_url     (HeraldHttpServer  *self);
void              herald_http_server_shutdown    (HeraldHttpServer  *self);

G_END_DECLS

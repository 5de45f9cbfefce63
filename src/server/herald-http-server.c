/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-http-server.c: the HTTP front of herald-server.
 *
 * It owns a SoupServer and routes requests to handlers.  Every handler
 * answers JSON; errors are 4xx with a JSON body naming what was wrong, so a
 * client never has to guess from a 500.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "herald.h"
#include "herald-http-server.h"

struct _HeraldHttpServer
{
  GObject     parent_instance;

  SoupServer *soup;
  char       *database_path;
  guint       port;
  char       *address;
};

G_DEFINE_FINAL_TYPE (HeraldHttpServer, herald_http_server, G_TYPE_OBJECT)

static void
send_json (SoupServerMessage *msg,
           guint              status,
           JsonNode          *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *body = NULL;
  gsize len = 0;

  json_generator_set_root (gen, node);
  body = json_generator_to_data (gen, &len);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), len);
}

static void
send_error (SoupServerMessage *msg,
            guint              status,
            const char        *code,
            const char        *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "detail");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  send_json (msg, status, root);
}

static void
health_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *method = soup_server_message_get_method (msg);

  if (g_strcmp0 (method, "GET") != 0 && g_strcmp0 (method, "HEAD") != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "GET, HEAD");
      send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                  "Only GET and HEAD are allowed on /health");
      return;
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "ok");
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, herald_version ());
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  send_json (msg, SOUP_STATUS_OK, root);
}

static void
not_found_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  g_autofree char *detail = g_strdup_printf ("No resource at %s", path);

  send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", detail);
}

static void
herald_http_server_dispose (GObject *object)
{
  HeraldHttpServer *self = HERALD_HTTP_SERVER (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);

  G_OBJECT_CLASS (herald_http_server_parent_class)->dispose (object);
}

static void
herald_http_server_finalize (GObject *object)
{
  HeraldHttpServer *self = HERALD_HTTP_SERVER (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->address, g_free);

  G_OBJECT_CLASS (herald_http_server_parent_class)->finalize (object);
}

static void
herald_http_server_class_init (HeraldHttpServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_http_server_dispose;
  object_class->finalize = herald_http_server_finalize;
}

static void
herald_http_server_init (HeraldHttpServer *self)
{
  g_autofree char *server_header = g_strdup_printf ("herald-server/%s ", herald_version ());

  self->soup = soup_server_new ("server-header", server_header, NULL);
  soup_server_add_handler (self->soup, NULL, not_found_cb, self, NULL);
  soup_server_add_handler (self->soup, "/health", health_cb, self, NULL);
}

/**
 * herald_http_server_new:
 * @database_path: (nullable): the SQLite file the server keeps its data in
 *
 * Returns: (transfer full): a new server that does not listen yet.
 */
HeraldHttpServer *
herald_http_server_new (const char *database_path)
{
  HeraldHttpServer *self = g_object_new (HERALD_TYPE_HTTP_SERVER, NULL);

  self->database_path = g_strdup (database_path);
  return self;
}

/**
 * herald_http_server_listen:
 * @self: a server
 * @address: an IP address to bind, such as `127.0.0.1`
 * @port: the TCP port, or 0 to let the system choose one
 * @error: return location for an error
 *
 * Starts listening.  The chosen port is then available from
 * herald_http_server_get_port().
 *
 * Returns: %TRUE on success
 */
gboolean
herald_http_server_listen (HeraldHttpServer  *self,
                           const char        *address,
                           guint              port,
                           GError           **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) sockaddr = NULL;
  g_autoslist(GUri) uris = NULL;

  g_return_val_if_fail (HERALD_IS_HTTP_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (port <= 65535, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return FALSE;
    }

  sockaddr = g_inet_socket_address_new (inet, port);
  if (!soup_server_listen (self->soup, sockaddr, 0, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    self->port = g_uri_get_port (uris->data);
  g_free (self->address);
  self->address = g_strdup (address);

  return TRUE;
}

/**
 * herald_http_server_get_port:
 * @self: a server
 *
 * Returns: the port the server listens on, or 0 before it listens.
 */
guint
herald_http_server_get_port (HeraldHttpServer *self)
{
  g_return_val_if_fail (HERALD_IS_HTTP_SERVER (self), 0);

  return self->port;
}

/**
 * herald_http_server_get_url:
 * @self: a listening server
 *
 * Returns: (transfer full): the base URL, such as `http://127.0.0.1:8425`.
 */
char *
herald_http_server_get_url (HeraldHttpServer *self)
{
  g_return_val_if_fail (HERALD_IS_HTTP_SERVER (self), NULL);
  g_return_val_if_fail (self->address != NULL, NULL);

  if (strchr (self->address, ':') != NULL)
    return g_strdup_printf ("http://[%s]:%u", self->address, self->port);
  return g_strdup_printf ("http://%s:%u", self->address, self->port);
}

/**
 * herald_http_server_shutdown:
 * @self: a server
 *
 * Stops accepting connections and closes the open ones.
 */
void
herald_http_server_shutdown (HeraldHttpServer *self)
{
  g_return_if_fail (HERALD_IS_HTTP_SERVER (self));

  soup_server_disconnect (self->soup);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server-health.c: herald-server's options, /health over a real
 * socket, and a clean shutdown on SIGINT and SIGTERM. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "herald-test-server.h"

static char *
run_server (const char * const *args,
            int                *status,
            char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) herald_test_server_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  *status = g_subprocess_get_exit_status (proc);
  return out;
}

static void
test_options_help (void)
{
  int status = -1;
  g_autofree char *err = NULL;
  g_autofree char *out = run_server ((const char *[]) { "--help", NULL }, &status, &err);

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "--listen"));
  g_assert_nonnull (strstr (out, "--port"));
  g_assert_nonnull (strstr (out, "--database"));
  g_assert_nonnull (strstr (out, "--version"));
}

static void
test_options_version (void)
{
  int status = -1;
  g_autofree char *err = NULL;
  g_autofree char *out = run_server ((const char *[]) { "--version", NULL }, &status, &err);

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "herald-server " PACKAGE_VERSION "\n");
}

static void
test_options_bad (void)
{
  static const char *cases[][3] = {
    { "--port=70000", NULL, "70000" },
    { "--port=-1", NULL, "-1" },
    { "--bogus", NULL, "--bogus" },
    { "--listen=not-an-address", "--port=0", "not-an-address" },
    { "stray", NULL, "stray" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int status = -1;
      g_autofree char *err = NULL;
      g_autofree char *out = NULL;
      g_autofree char *db_dir = g_dir_make_tmp ("herald-opt-XXXXXX", NULL);
      g_autofree char *db = g_build_filename (db_dir, "x.db", NULL);
      g_autofree char *db_arg = g_strdup_printf ("--database=%s", db);
      const char *args[] = { cases[i][0], db_arg, cases[i][1], NULL };

      out = run_server (args, &status, &err);
      g_test_message ("%s → %d: %s", cases[i][0], status, err);
      g_assert_cmpint (status, !=, 0);
      /* The message names what was wrong. */
      g_assert_nonnull (strstr (err, cases[i][2]));
      g_assert_cmpstr (out, ==, "");
      g_remove (db);
      g_rmdir (db_dir);
    }
}

static JsonNode *
get_json (SoupSession *session,
          const char  *method,
          const char  *url,
          guint       *status)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *type;

  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  g_assert_cmpstr (type, ==, "application/json");
  return json_from_string (g_bytes_get_data (body, NULL), &error);
}

static void
check_health_and_stop (int signum)
{
  g_autoptr(HeraldTestServer) server = herald_test_server_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (server->url, "/health", NULL);
  g_autofree char *missing = g_strconcat (server->url, "/no/such/thing", NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) not_found = NULL;
  g_autoptr(JsonNode) not_allowed = NULL;
  JsonObject *obj;
  guint status = 0;

  g_assert_true (g_str_has_prefix (server->url, "http://127.0.0.1:"));

  node = get_json (session, "GET", url, &status);
  g_assert_cmpuint (status, ==, 200);
  obj = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (obj, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (obj, "version"), ==, PACKAGE_VERSION);

  not_found = get_json (session, "GET", missing, &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (not_found), "error"), ==, "not_found");

  not_allowed = get_json (session, "DELETE", url, &status);
  g_assert_cmpuint (status, ==, 405);

  g_assert_cmpint (herald_test_server_stop (server, signum), ==, 0);
}

/* --listen binds the address it is given, and only that one. */
static void
test_options_listen (void)
{
  const char *args[] = { "--listen=127.0.0.2", NULL };
  g_autoptr(HeraldTestServer) server = herald_test_server_start (args);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GUri) uri = g_uri_parse (server->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *url = g_strconcat (server->url, "/health", NULL);
  g_autofree char *other = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  g_assert_nonnull (uri);
  g_assert_cmpstr (g_uri_get_host (uri), ==, "127.0.0.2");
  node = get_json (session, "GET", url, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "status"), ==, "ok");

  /* The same port on 127.0.0.1 is not served. */
  other = g_strdup_printf ("http://127.0.0.1:%d/health", g_uri_get_port (uri));
  msg = soup_message_new ("GET", other);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);

  g_assert_cmpint (herald_test_server_stop (server, SIGTERM), ==, 0);
}

static void
test_health_sigterm (void)
{
  check_health_and_stop (SIGTERM);
}

static void
test_health_sigint (void)
{
  check_health_and_stop (SIGINT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/server/options/help", test_options_help);
  g_test_add_func ("/herald/server/options/version", test_options_version);
  g_test_add_func ("/herald/server/options/bad", test_options_bad);
  g_test_add_func ("/herald/server/options/listen", test_options_listen);
  g_test_add_func ("/herald/server/health/sigterm", test_health_sigterm);
  g_test_add_func ("/herald/server/health/sigint", test_health_sigint);

  return g_test_run ();
}

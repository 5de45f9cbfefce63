/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-test-server.c: runs the real herald-server binary on a free
 * loopback port with a private database, for integration tests. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "herald-test-server.h"

/**
 * herald_test_server_binary:
 *
 * Returns: the path of the herald-server under test (HERALD_SERVER, set by
 *   meson).
 */
const char *
herald_test_server_binary (void)
{
  const char *path = g_getenv ("HERALD_SERVER");

  g_assert_nonnull (path);
  return path;
}

/**
 * herald_test_server_start:
 * @extra_args: (nullable): more arguments
 *
 * Starts herald-server with `--port 0` and a database in a new temporary
 * folder, and waits for the line that announces its URL.
 *
 * Returns: (transfer full): the running server.
 */
HeraldTestServer *
herald_test_server_start (const char * const *extra_args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  HeraldTestServer *server = g_new0 (HeraldTestServer, 1);
  const char *prefix = "herald-server listening on ";

  server->dir = g_dir_make_tmp ("herald-server-XXXXXX", &error);
  g_assert_no_error (error);
  server->database = g_build_filename (server->dir, "server.db", NULL);

  g_ptr_array_add (argv, (gpointer) herald_test_server_binary ());
  g_ptr_array_add (argv, (gpointer) "--port=0");
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, server->database);
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  server->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
  server->url = g_strdup (line + strlen (prefix));

  return server;
}

/**
 * herald_test_server_stop:
 * @server: a running server
 * @signum: the signal to stop it with
 *
 * Returns: the exit status, or -1 when it did not exit normally.
 */
int
herald_test_server_stop (HeraldTestServer *server,
                         int               signum)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (server->process, signum);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (server->process))
    return -1;
  return g_subprocess_get_exit_status (server->process);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * herald_test_server_free:
 * @server: a server
 *
 * Kills the server if it still runs and removes its folder.
 */
void
herald_test_server_free (HeraldTestServer *server)
{
  if (server == NULL)
    return;
  if (server->process != NULL)
    {
      g_subprocess_force_exit (server->process);
      g_subprocess_wait (server->process, NULL, NULL);
    }
  g_clear_object (&server->process);
  if (server->dir != NULL)
    remove_tree (server->dir);
  g_free (server->dir);
  g_free (server->database);
  g_free (server->url);
  g_free (server);
}

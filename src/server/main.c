/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: herald-server's entry point: options, signals, main loop. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "herald.h"
#include "herald-http-server.h"

#define DEFAULT_PORT 8425

static gboolean
quit_signal_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_message ("Shutting down");
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "herald-server", "herald-server.db", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldHttpServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *address = NULL;
  g_autofree char *database = NULL;
  g_autofree char *url = NULL;
  g_autofree char *dir = NULL;
  gboolean version = FALSE;
  int port = DEFAULT_PORT;
  GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &address,
      N_("IP address to listen on (default: 127.0.0.1)"), N_("ADDRESS") },
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      N_("TCP port to listen on, 0 for any free port (default: 8425)"), N_("PORT") },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("SQLite database file (default: in the user data directory)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("The Herald campaign backend: a CRM server for campaigns, templates, recipients and tracking."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("herald-server: %s\n", error->message);
      g_printerr (_("Run “%s --help” to see the options.\n"), "herald-server");
      return 2;
    }

  if (version)
    {
      g_print ("herald-server %s\n", herald_version ());
      return EXIT_SUCCESS;
    }

  if (argc > 1)
    {
      g_printerr ("herald-server: ");
      g_printerr (_("unexpected argument “%s”"), argv[1]);
      g_printerr ("\n");
      return 2;
    }

  if (port < 0 || port > 65535)
    {
      g_printerr ("herald-server: ");
      g_printerr (_("the port must be between 0 and 65535, not %d"), port);
      g_printerr ("\n");
      return 2;
    }

  if (address == NULL)
    address = g_strdup ("127.0.0.1");
  if (database == NULL)
    database = default_database_path ();

  dir = g_path_get_dirname (database);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr ("herald-server: ");
      g_printerr (_("cannot create the folder “%s”: %s"), dir, g_strerror (errno));
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  server = herald_http_server_new (database);
  if (!herald_http_server_listen (server, address, (guint) port, &error))
    {
      g_printerr ("herald-server: ");
      g_printerr (_("cannot listen on %s port %d: %s"), address, port, error->message);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  url = herald_http_server_get_url (server);
  /* Tests and scripts read this line to learn the port. */
  g_print ("herald-server listening on %s\n", url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_signal_cb, loop);
  g_unix_signal_add (SIGTERM, quit_signal_cb, loop);
  g_main_loop_run (loop);

  herald_http_server_shutdown (server);
  return EXIT_SUCCESS;
}

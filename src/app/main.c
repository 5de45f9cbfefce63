/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: herald's entry point; the application does the rest. */

#include "config.h"

#include "herald-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HeraldApplication) app = NULL;

  herald_init_i18n ();
  app = herald_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

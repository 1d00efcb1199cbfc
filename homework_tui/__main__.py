from homework_tui.cli import main

raise SystemExit(main())

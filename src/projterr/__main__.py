from projterr.cli import main

main()

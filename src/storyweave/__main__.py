from storyweave.cli import main

main()

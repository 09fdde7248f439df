from palm_customs.cli import main

main()

/*
 * mod_noinit.c -- a shared object that is not a driver module.
 */
int mod_noinit_answer(void);

int
mod_noinit_answer(void)
{
   return 42;
}

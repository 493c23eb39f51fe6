package dev.kyra.face.blaaiz;

/** The paging parameters of the customer list (decision B21), named in its problems as {@code page}, {@code per_page}. */
enum ListParameter { PAGE, PER_PAGE }

// The most items one page of a list answers: the API's query schemas refuse more, and the use cases cap at them.

export const INSPECTION_PAGE_MAX = 200;
export const MEASURE_PAGE_MAX = 200;

/** One roster row being edited. `key` keeps rows stable while the list changes; `id` is the saved member's. */
export interface RosterRow {
  key: number;
  id?: string;
  name: string;
  employeeNo: string;
  position: string;
  phone: string;
}

/*
 * sal.h: source annotations of Windows code, all defined to nothing, for building IIS native
 * modules off Windows with iissim. Clean-room: a list of annotation names and their arities,
 * not a copy of any Windows SDK header. Licence: MIT OR Apache-2.0.
 *
 * Every name is defined only if it is not defined yet, so another definition always wins.
 *
 * Six SAL 1 names are spelled like identifiers that system headers use on their own account:
 * __in, __out and __pre (libstdc++ parameter and variable names), __reserved (Linux UAPI struct
 * fields), __callback and __override (glibc parameter names). Defining them to nothing would
 * break any of those headers included afterwards, so they are defined only when a module asks for
 * them by defining IISSIM_SAL1_CLASHING_NAMES before including any SDK header; such a module must
 * include the C and C++ standard headers it needs before windows.h or sal.h.
 * (__null, __valid, __opt and __bound are never defined: the compiler, glibc and libstdc++ own them.)
 */
#ifndef _SAL_H_
#define _SAL_H_

/* SAL 2: Parameters: input */

#ifndef _In_
# define _In_
#endif
#ifndef _In_opt_
# define _In_opt_
#endif
#ifndef _In_z_
# define _In_z_
#endif
#ifndef _In_opt_z_
# define _In_opt_z_
#endif
#ifndef _In_reads_
# define _In_reads_(s)
#endif
#ifndef _In_reads_opt_
# define _In_reads_opt_(s)
#endif
#ifndef _In_reads_bytes_
# define _In_reads_bytes_(s)
#endif
#ifndef _In_reads_bytes_opt_
# define _In_reads_bytes_opt_(s)
#endif
#ifndef _In_reads_z_
# define _In_reads_z_(s)
#endif
#ifndef _In_reads_opt_z_
# define _In_reads_opt_z_(s)
#endif
#ifndef _In_reads_or_z_
# define _In_reads_or_z_(s)
#endif
#ifndef _In_reads_or_z_opt_
# define _In_reads_or_z_opt_(s)
#endif
#ifndef _In_reads_to_ptr_
# define _In_reads_to_ptr_(p)
#endif
#ifndef _In_reads_to_ptr_opt_
# define _In_reads_to_ptr_opt_(p)
#endif
#ifndef _In_reads_to_ptr_z_
# define _In_reads_to_ptr_z_(p)
#endif
#ifndef _In_reads_to_ptr_opt_z_
# define _In_reads_to_ptr_opt_z_(p)
#endif
#ifndef _In_range_
# define _In_range_(lo,hi)
#endif
#ifndef _In_NLS_string_
# define _In_NLS_string_(s)
#endif
#ifndef _In_defensive_
# define _In_defensive_(a)
#endif
#ifndef _In_count_
# define _In_count_(s)
#endif
#ifndef _In_opt_count_
# define _In_opt_count_(s)
#endif
#ifndef _In_bytecount_
# define _In_bytecount_(s)
#endif
#ifndef _In_opt_bytecount_
# define _In_opt_bytecount_(s)
#endif
#ifndef _In_z_count_
# define _In_z_count_(s)
#endif
#ifndef _In_ecount_
# define _In_ecount_(s)
#endif
#ifndef _In_opt_ecount_
# define _In_opt_ecount_(s)
#endif
#ifndef _In_bcount_
# define _In_bcount_(s)
#endif
#ifndef _In_opt_bcount_
# define _In_opt_bcount_(s)
#endif
#ifndef _In_z_bytecount_
# define _In_z_bytecount_(s)
#endif

/* SAL 2: Parameters: output */

#ifndef _Out_
# define _Out_
#endif
#ifndef _Out_opt_
# define _Out_opt_
#endif
#ifndef _Out_writes_
# define _Out_writes_(s)
#endif
#ifndef _Out_writes_opt_
# define _Out_writes_opt_(s)
#endif
#ifndef _Out_writes_bytes_
# define _Out_writes_bytes_(s)
#endif
#ifndef _Out_writes_bytes_opt_
# define _Out_writes_bytes_opt_(s)
#endif
#ifndef _Out_writes_z_
# define _Out_writes_z_(s)
#endif
#ifndef _Out_writes_opt_z_
# define _Out_writes_opt_z_(s)
#endif
#ifndef _Out_writes_to_
# define _Out_writes_to_(s,c)
#endif
#ifndef _Out_writes_to_opt_
# define _Out_writes_to_opt_(s,c)
#endif
#ifndef _Out_writes_all_
# define _Out_writes_all_(s)
#endif
#ifndef _Out_writes_all_opt_
# define _Out_writes_all_opt_(s)
#endif
#ifndef _Out_writes_bytes_to_
# define _Out_writes_bytes_to_(s,c)
#endif
#ifndef _Out_writes_bytes_to_opt_
# define _Out_writes_bytes_to_opt_(s,c)
#endif
#ifndef _Out_writes_bytes_all_
# define _Out_writes_bytes_all_(s)
#endif
#ifndef _Out_writes_bytes_all_opt_
# define _Out_writes_bytes_all_opt_(s)
#endif
#ifndef _Out_writes_to_ptr_
# define _Out_writes_to_ptr_(p)
#endif
#ifndef _Out_writes_to_ptr_opt_
# define _Out_writes_to_ptr_opt_(p)
#endif
#ifndef _Out_writes_to_ptr_z_
# define _Out_writes_to_ptr_z_(p)
#endif
#ifndef _Out_writes_to_ptr_opt_z_
# define _Out_writes_to_ptr_opt_z_(p)
#endif
#ifndef _Out_range_
# define _Out_range_(lo,hi)
#endif
#ifndef _Out_z_
# define _Out_z_
#endif
#ifndef _Out_defensive_
# define _Out_defensive_(a)
#endif
#ifndef _Out_cap_
# define _Out_cap_(s)
#endif
#ifndef _Out_opt_cap_
# define _Out_opt_cap_(s)
#endif
#ifndef _Out_bytecap_
# define _Out_bytecap_(s)
#endif
#ifndef _Out_opt_bytecap_
# define _Out_opt_bytecap_(s)
#endif
#ifndef _Out_z_cap_
# define _Out_z_cap_(s)
#endif
#ifndef _Out_z_bytecap_
# define _Out_z_bytecap_(s)
#endif
#ifndef _Out_ecount_
# define _Out_ecount_(s)
#endif
#ifndef _Out_opt_ecount_
# define _Out_opt_ecount_(s)
#endif
#ifndef _Out_bcount_
# define _Out_bcount_(s)
#endif
#ifndef _Out_opt_bcount_
# define _Out_opt_bcount_(s)
#endif
#ifndef _Out_cap_post_count_
# define _Out_cap_post_count_(s,c)
#endif
#ifndef _Out_z_cap_post_count_
# define _Out_z_cap_post_count_(s,c)
#endif
#ifndef _Out_bytecap_post_bytecount_
# define _Out_bytecap_post_bytecount_(s,c)
#endif
#ifndef _Out_ecount_part_
# define _Out_ecount_part_(s,c)
#endif
#ifndef _Out_bcount_part_
# define _Out_bcount_part_(s,c)
#endif
#ifndef _Out_ecount_full_
# define _Out_ecount_full_(s)
#endif
#ifndef _Out_bcount_full_
# define _Out_bcount_full_(s)
#endif

/* SAL 2: Parameters: input and output */

#ifndef _Inout_
# define _Inout_
#endif
#ifndef _Inout_opt_
# define _Inout_opt_
#endif
#ifndef _Inout_z_
# define _Inout_z_
#endif
#ifndef _Inout_opt_z_
# define _Inout_opt_z_
#endif
#ifndef _Inout_updates_
# define _Inout_updates_(s)
#endif
#ifndef _Inout_updates_opt_
# define _Inout_updates_opt_(s)
#endif
#ifndef _Inout_updates_z_
# define _Inout_updates_z_(s)
#endif
#ifndef _Inout_updates_opt_z_
# define _Inout_updates_opt_z_(s)
#endif
#ifndef _Inout_updates_to_
# define _Inout_updates_to_(s,c)
#endif
#ifndef _Inout_updates_to_opt_
# define _Inout_updates_to_opt_(s,c)
#endif
#ifndef _Inout_updates_all_
# define _Inout_updates_all_(s)
#endif
#ifndef _Inout_updates_all_opt_
# define _Inout_updates_all_opt_(s)
#endif
#ifndef _Inout_updates_bytes_
# define _Inout_updates_bytes_(s)
#endif
#ifndef _Inout_updates_bytes_opt_
# define _Inout_updates_bytes_opt_(s)
#endif
#ifndef _Inout_updates_bytes_to_
# define _Inout_updates_bytes_to_(s,c)
#endif
#ifndef _Inout_updates_bytes_to_opt_
# define _Inout_updates_bytes_to_opt_(s,c)
#endif
#ifndef _Inout_updates_bytes_all_
# define _Inout_updates_bytes_all_(s)
#endif
#ifndef _Inout_updates_bytes_all_opt_
# define _Inout_updates_bytes_all_opt_(s)
#endif
#ifndef _Inout_defensive_
# define _Inout_defensive_(a)
#endif
#ifndef _Inout_cap_
# define _Inout_cap_(s)
#endif
#ifndef _Inout_opt_cap_
# define _Inout_opt_cap_(s)
#endif
#ifndef _Inout_bytecap_
# define _Inout_bytecap_(s)
#endif
#ifndef _Inout_opt_bytecap_
# define _Inout_opt_bytecap_(s)
#endif
#ifndef _Inout_z_cap_
# define _Inout_z_cap_(s)
#endif
#ifndef _Inout_z_bytecap_
# define _Inout_z_bytecap_(s)
#endif
#ifndef _Inout_ecount_
# define _Inout_ecount_(s)
#endif
#ifndef _Inout_opt_ecount_
# define _Inout_opt_ecount_(s)
#endif
#ifndef _Inout_bcount_
# define _Inout_bcount_(s)
#endif
#ifndef _Inout_opt_bcount_
# define _Inout_opt_bcount_(s)
#endif
#ifndef _Inout_count_
# define _Inout_count_(s)
#endif
#ifndef _Inout_bytecount_
# define _Inout_bytecount_(s)
#endif
#ifndef _Inout_ecount_part_
# define _Inout_ecount_part_(s,c)
#endif
#ifndef _Inout_bcount_part_
# define _Inout_bcount_part_(s,c)
#endif
#ifndef _Inout_ecount_full_
# define _Inout_ecount_full_(s)
#endif
#ifndef _Inout_bcount_full_
# define _Inout_bcount_full_(s)
#endif

/* SAL 2: Parameters: pointers to output pointers */

#ifndef _Outptr_
# define _Outptr_
#endif
#ifndef _Outptr_opt_
# define _Outptr_opt_
#endif
#ifndef _Outptr_result_maybenull_
# define _Outptr_result_maybenull_
#endif
#ifndef _Outptr_opt_result_maybenull_
# define _Outptr_opt_result_maybenull_
#endif
#ifndef _Outptr_result_z_
# define _Outptr_result_z_
#endif
#ifndef _Outptr_opt_result_z_
# define _Outptr_opt_result_z_
#endif
#ifndef _Outptr_result_maybenull_z_
# define _Outptr_result_maybenull_z_
#endif
#ifndef _Outptr_opt_result_maybenull_z_
# define _Outptr_opt_result_maybenull_z_
#endif
#ifndef _Outptr_result_nullonfailure_
# define _Outptr_result_nullonfailure_
#endif
#ifndef _Outptr_opt_result_nullonfailure_
# define _Outptr_opt_result_nullonfailure_
#endif
#ifndef _Outptr_result_buffer_
# define _Outptr_result_buffer_(s)
#endif
#ifndef _Outptr_opt_result_buffer_
# define _Outptr_opt_result_buffer_(s)
#endif
#ifndef _Outptr_result_buffer_to_
# define _Outptr_result_buffer_to_(s,c)
#endif
#ifndef _Outptr_opt_result_buffer_to_
# define _Outptr_opt_result_buffer_to_(s,c)
#endif
#ifndef _Outptr_result_buffer_all_
# define _Outptr_result_buffer_all_(s)
#endif
#ifndef _Outptr_opt_result_buffer_all_
# define _Outptr_opt_result_buffer_all_(s)
#endif
#ifndef _Outptr_result_buffer_maybenull_
# define _Outptr_result_buffer_maybenull_(s)
#endif
#ifndef _Outptr_opt_result_buffer_maybenull_
# define _Outptr_opt_result_buffer_maybenull_(s)
#endif
#ifndef _Outptr_result_buffer_to_maybenull_
# define _Outptr_result_buffer_to_maybenull_(s,c)
#endif
#ifndef _Outptr_result_buffer_all_maybenull_
# define _Outptr_result_buffer_all_maybenull_(s)
#endif
#ifndef _Outptr_result_bytebuffer_
# define _Outptr_result_bytebuffer_(s)
#endif
#ifndef _Outptr_opt_result_bytebuffer_
# define _Outptr_opt_result_bytebuffer_(s)
#endif
#ifndef _Outptr_result_bytebuffer_to_
# define _Outptr_result_bytebuffer_to_(s,c)
#endif
#ifndef _Outptr_opt_result_bytebuffer_to_
# define _Outptr_opt_result_bytebuffer_to_(s,c)
#endif
#ifndef _Outptr_result_bytebuffer_all_
# define _Outptr_result_bytebuffer_all_(s)
#endif
#ifndef _Outptr_result_bytebuffer_maybenull_
# define _Outptr_result_bytebuffer_maybenull_(s)
#endif
#ifndef _Outptr_opt_result_bytebuffer_maybenull_
# define _Outptr_opt_result_bytebuffer_maybenull_(s)
#endif
#ifndef _Outptr_result_bytebuffer_all_maybenull_
# define _Outptr_result_bytebuffer_all_maybenull_(s)
#endif
#ifndef _COM_Outptr_
# define _COM_Outptr_
#endif
#ifndef _COM_Outptr_opt_
# define _COM_Outptr_opt_
#endif
#ifndef _COM_Outptr_result_maybenull_
# define _COM_Outptr_result_maybenull_
#endif
#ifndef _COM_Outptr_opt_result_maybenull_
# define _COM_Outptr_opt_result_maybenull_
#endif
#ifndef _Outref_
# define _Outref_
#endif
#ifndef _Outref_result_maybenull_
# define _Outref_result_maybenull_
#endif
#ifndef _Outref_result_buffer_
# define _Outref_result_buffer_(s)
#endif
#ifndef _Outref_result_bytebuffer_
# define _Outref_result_bytebuffer_(s)
#endif
#ifndef _Outref_result_nullonfailure_
# define _Outref_result_nullonfailure_
#endif
#ifndef _Result_nullonfailure_
# define _Result_nullonfailure_
#endif
#ifndef _Result_zeroonfailure_
# define _Result_zeroonfailure_
#endif
#ifndef _Deref_out_
# define _Deref_out_
#endif
#ifndef _Deref_out_opt_
# define _Deref_out_opt_
#endif
#ifndef _Deref_opt_out_
# define _Deref_opt_out_
#endif
#ifndef _Deref_opt_out_opt_
# define _Deref_opt_out_opt_
#endif
#ifndef _Deref_out_z_
# define _Deref_out_z_
#endif
#ifndef _Deref_opt_out_z_
# define _Deref_opt_out_z_
#endif
#ifndef _Deref_out_opt_z_
# define _Deref_out_opt_z_
#endif
#ifndef _Deref_in_
# define _Deref_in_
#endif
#ifndef _Deref_inout_
# define _Deref_inout_
#endif
#ifndef _Deref_in_z_
# define _Deref_in_z_
#endif
#ifndef _Deref_inout_z_
# define _Deref_inout_z_
#endif
#ifndef _Deref_out_range_
# define _Deref_out_range_(lo,hi)
#endif
#ifndef _Deref_in_range_
# define _Deref_in_range_(lo,hi)
#endif
#ifndef _Deref_inout_range_
# define _Deref_inout_range_(lo,hi)
#endif
#ifndef _Deref_pre_z_
# define _Deref_pre_z_
#endif
#ifndef _Deref_post_z_
# define _Deref_post_z_
#endif
#ifndef _Deref_pre_null_
# define _Deref_pre_null_
#endif
#ifndef _Deref_post_null_
# define _Deref_post_null_
#endif
#ifndef _Deref_pre_maybenull_
# define _Deref_pre_maybenull_
#endif
#ifndef _Deref_post_maybenull_
# define _Deref_post_maybenull_
#endif
#ifndef _Deref_pre_notnull_
# define _Deref_pre_notnull_
#endif
#ifndef _Deref_post_notnull_
# define _Deref_post_notnull_
#endif
#ifndef _Deref_pre_valid_
# define _Deref_pre_valid_
#endif
#ifndef _Deref_post_valid_
# define _Deref_post_valid_
#endif
#ifndef _Deref_ret_z_
# define _Deref_ret_z_
#endif
#ifndef _Deref_ret_range_
# define _Deref_ret_range_(lo,hi)
#endif
#ifndef _Deref_out_ecount_
# define _Deref_out_ecount_(s)
#endif
#ifndef _Deref_out_bcount_
# define _Deref_out_bcount_(s)
#endif
#ifndef _Deref_post_cap_
# define _Deref_post_cap_(s)
#endif
#ifndef _Deref_post_bytecap_
# define _Deref_post_bytecap_(s)
#endif
#ifndef _Deref_post_count_
# define _Deref_post_count_(s)
#endif
#ifndef _Deref_post_bytecount_
# define _Deref_post_bytecount_(s)
#endif
#ifndef _Deref_opt_out_ecount_
# define _Deref_opt_out_ecount_(s)
#endif

/* SAL 2: Return values */

#ifndef _Ret_
# define _Ret_
#endif
#ifndef _Ret_maybenull_
# define _Ret_maybenull_
#endif
#ifndef _Ret_notnull_
# define _Ret_notnull_
#endif
#ifndef _Ret_null_
# define _Ret_null_
#endif
#ifndef _Ret_z_
# define _Ret_z_
#endif
#ifndef _Ret_maybenull_z_
# define _Ret_maybenull_z_
#endif
#ifndef _Ret_opt_
# define _Ret_opt_
#endif
#ifndef _Ret_valid_
# define _Ret_valid_
#endif
#ifndef _Ret_range_
# define _Ret_range_(lo,hi)
#endif
#ifndef _Ret_writes_
# define _Ret_writes_(s)
#endif
#ifndef _Ret_writes_z_
# define _Ret_writes_z_(s)
#endif
#ifndef _Ret_writes_bytes_
# define _Ret_writes_bytes_(s)
#endif
#ifndef _Ret_writes_maybenull_
# define _Ret_writes_maybenull_(s)
#endif
#ifndef _Ret_writes_maybenull_z_
# define _Ret_writes_maybenull_z_(s)
#endif
#ifndef _Ret_writes_bytes_maybenull_
# define _Ret_writes_bytes_maybenull_(s)
#endif
#ifndef _Ret_writes_to_
# define _Ret_writes_to_(s,c)
#endif
#ifndef _Ret_writes_bytes_to_
# define _Ret_writes_bytes_to_(s,c)
#endif
#ifndef _Ret_writes_to_maybenull_
# define _Ret_writes_to_maybenull_(s,c)
#endif
#ifndef _Ret_writes_bytes_to_maybenull_
# define _Ret_writes_bytes_to_maybenull_(s,c)
#endif
#ifndef _Ret_cap_
# define _Ret_cap_(s)
#endif
#ifndef _Ret_bytecap_
# define _Ret_bytecap_(s)
#endif
#ifndef _Ret_opt_cap_
# define _Ret_opt_cap_(s)
#endif
#ifndef _Ret_opt_bytecap_
# define _Ret_opt_bytecap_(s)
#endif
#ifndef _Ret_count_
# define _Ret_count_(s)
#endif
#ifndef _Ret_bytecount_
# define _Ret_bytecount_(s)
#endif
#ifndef _Ret_opt_count_
# define _Ret_opt_count_(s)
#endif
#ifndef _Ret_opt_bytecount_
# define _Ret_opt_bytecount_(s)
#endif

/* SAL 2: Functions */

#ifndef _Check_return_
# define _Check_return_
#endif
#ifndef _Must_inspect_result_
# define _Must_inspect_result_
#endif
#ifndef _Success_
# define _Success_(e)
#endif
#ifndef _Return_type_success_
# define _Return_type_success_(e)
#endif
#ifndef _Use_decl_annotations_
# define _Use_decl_annotations_
#endif
#ifndef _Maybe_raises_SEH_exception_
# define _Maybe_raises_SEH_exception_
#endif
#ifndef _Raises_SEH_exception_
# define _Raises_SEH_exception_
#endif
#ifndef _Function_class_
# define _Function_class_(n)
#endif
#ifndef _Called_from_function_class_
# define _Called_from_function_class_(n)
#endif
#ifndef _Post_equals_last_error_
# define _Post_equals_last_error_
#endif
#ifndef _Translates_Win32_to_HRESULT_
# define _Translates_Win32_to_HRESULT_(e)
#endif
#ifndef _Translates_NTSTATUS_to_HRESULT_
# define _Translates_NTSTATUS_to_HRESULT_(e)
#endif
#ifndef _Translates_last_error_to_HRESULT_
# define _Translates_last_error_to_HRESULT_
#endif
#ifndef _Always_
# define _Always_(a)
#endif
#ifndef _On_failure_
# define _On_failure_(a)
#endif
#ifndef _Frees_ptr_
# define _Frees_ptr_
#endif
#ifndef _Frees_ptr_opt_
# define _Frees_ptr_opt_
#endif
#ifndef _Post_invalid_
# define _Post_invalid_
#endif
#ifndef _Post_ptr_invalid_
# define _Post_ptr_invalid_
#endif
#ifndef _Reserved_
# define _Reserved_
#endif
#ifndef _Pre_defensive_
# define _Pre_defensive_
#endif
#ifndef _Post_defensive_
# define _Post_defensive_
#endif
#ifndef _Check_return_opt_
# define _Check_return_opt_
#endif
#ifndef _Check_return_wat_
# define _Check_return_wat_
#endif
#ifndef _Printf_format_string_
# define _Printf_format_string_
#endif
#ifndef _Scanf_format_string_
# define _Scanf_format_string_
#endif
#ifndef _Scanf_s_format_string_
# define _Scanf_s_format_string_
#endif
#ifndef _Printf_format_string_params_
# define _Printf_format_string_params_(n)
#endif
#ifndef _Scanf_format_string_params_
# define _Scanf_format_string_params_(n)
#endif
#ifndef _Scanf_s_format_string_params_
# define _Scanf_s_format_string_params_(n)
#endif
#ifndef _Format_string_impl_
# define _Format_string_impl_(kind,n)
#endif
#ifndef _Callback_
# define _Callback_
#endif
#ifndef _Enum_is_bitflag_
# define _Enum_is_bitflag_
#endif
#ifndef _Strict_type_match_
# define _Strict_type_match_
#endif
#ifndef _Points_to_data_
# define _Points_to_data_
#endif
#ifndef _Notref_
# define _Notref_
#endif
#ifndef _Unchanged_
# define _Unchanged_(e)
#endif

/* SAL 2: Pre- and postconditions */

#ifndef _Pre_
# define _Pre_
#endif
#ifndef _Post_
# define _Post_
#endif
#ifndef _Pre_valid_
# define _Pre_valid_
#endif
#ifndef _Post_valid_
# define _Post_valid_
#endif
#ifndef _Pre_opt_valid_
# define _Pre_opt_valid_
#endif
#ifndef _Pre_z_
# define _Pre_z_
#endif
#ifndef _Post_z_
# define _Post_z_
#endif
#ifndef _Pre_null_
# define _Pre_null_
#endif
#ifndef _Post_null_
# define _Post_null_
#endif
#ifndef _Pre_notnull_
# define _Pre_notnull_
#endif
#ifndef _Post_notnull_
# define _Post_notnull_
#endif
#ifndef _Pre_maybenull_
# define _Pre_maybenull_
#endif
#ifndef _Post_maybenull_
# define _Post_maybenull_
#endif
#ifndef _Pre_unknown_
# define _Pre_unknown_
#endif
#ifndef _Pre_readable_size_
# define _Pre_readable_size_(s)
#endif
#ifndef _Pre_writable_size_
# define _Pre_writable_size_(s)
#endif
#ifndef _Pre_readable_byte_size_
# define _Pre_readable_byte_size_(s)
#endif
#ifndef _Pre_writable_byte_size_
# define _Pre_writable_byte_size_(s)
#endif
#ifndef _Post_readable_size_
# define _Post_readable_size_(s)
#endif
#ifndef _Post_writable_size_
# define _Post_writable_size_(s)
#endif
#ifndef _Post_readable_byte_size_
# define _Post_readable_byte_size_(s)
#endif
#ifndef _Post_writable_byte_size_
# define _Post_writable_byte_size_(s)
#endif
#ifndef _Pre_satisfies_
# define _Pre_satisfies_(e)
#endif
#ifndef _Post_satisfies_
# define _Post_satisfies_(e)
#endif
#ifndef _Pre_equal_to_
# define _Pre_equal_to_(e)
#endif
#ifndef _Post_equal_to_
# define _Post_equal_to_(e)
#endif
#ifndef _Pre_cap_
# define _Pre_cap_(s)
#endif
#ifndef _Pre_bytecap_
# define _Pre_bytecap_(s)
#endif
#ifndef _Pre_count_
# define _Pre_count_(s)
#endif
#ifndef _Pre_bytecount_
# define _Pre_bytecount_(s)
#endif
#ifndef _Post_cap_
# define _Post_cap_(s)
#endif
#ifndef _Post_bytecap_
# define _Post_bytecap_(s)
#endif
#ifndef _Post_count_
# define _Post_count_(s)
#endif
#ifndef _Post_bytecount_
# define _Post_bytecount_(s)
#endif
#ifndef _Post_element_count_
# define _Post_element_count_(s)
#endif
#ifndef _Post_z_count_
# define _Post_z_count_(s)
#endif
#ifndef _Pre_z_cap_
# define _Pre_z_cap_(s)
#endif
#ifndef _Post_z_bytecount_
# define _Post_z_bytecount_(s)
#endif

/* SAL 2: Properties */

#ifndef _Null_
# define _Null_
#endif
#ifndef _Notnull_
# define _Notnull_
#endif
#ifndef _Maybenull_
# define _Maybenull_
#endif
#ifndef _Valid_
# define _Valid_
#endif
#ifndef _Notvalid_
# define _Notvalid_
#endif
#ifndef _Const_
# define _Const_
#endif
#ifndef _Literal_
# define _Literal_
#endif
#ifndef _Notliteral_
# define _Notliteral_
#endif
#ifndef _Null_terminated_
# define _Null_terminated_
#endif
#ifndef _NullNull_terminated_
# define _NullNull_terminated_
#endif
#ifndef _Readable_bytes_
# define _Readable_bytes_(s)
#endif
#ifndef _Readable_elements_
# define _Readable_elements_(s)
#endif
#ifndef _Writable_bytes_
# define _Writable_bytes_(s)
#endif
#ifndef _Writable_elements_
# define _Writable_elements_(s)
#endif
#ifndef _Satisfies_
# define _Satisfies_(e)
#endif
#ifndef _When_
# define _When_(c,a)
#endif
#ifndef _At_
# define _At_(t,a)
#endif
#ifndef _At_buffer_
# define _At_buffer_(t,i,n,a)
#endif
#ifndef _Group_
# define _Group_(a)
#endif
#ifndef _In_function_class_
# define _In_function_class_(n)
#endif

/* SAL 2: Structure fields */

#ifndef _Field_size_
# define _Field_size_(s)
#endif
#ifndef _Field_size_opt_
# define _Field_size_opt_(s)
#endif
#ifndef _Field_size_bytes_
# define _Field_size_bytes_(s)
#endif
#ifndef _Field_size_bytes_opt_
# define _Field_size_bytes_opt_(s)
#endif
#ifndef _Field_size_part_
# define _Field_size_part_(s,c)
#endif
#ifndef _Field_size_part_opt_
# define _Field_size_part_opt_(s,c)
#endif
#ifndef _Field_size_bytes_part_
# define _Field_size_bytes_part_(s,c)
#endif
#ifndef _Field_size_bytes_part_opt_
# define _Field_size_bytes_part_opt_(s,c)
#endif
#ifndef _Field_size_full_
# define _Field_size_full_(s)
#endif
#ifndef _Field_size_full_opt_
# define _Field_size_full_opt_(s)
#endif
#ifndef _Field_size_bytes_full_
# define _Field_size_bytes_full_(s)
#endif
#ifndef _Field_size_bytes_full_opt_
# define _Field_size_bytes_full_opt_(s)
#endif
#ifndef _Field_z_
# define _Field_z_
#endif
#ifndef _Field_range_
# define _Field_range_(lo,hi)
#endif
#ifndef _Struct_size_bytes_
# define _Struct_size_bytes_(s)
#endif

/* SAL 2: Locks and concurrency */

#ifndef _Acquires_lock_
# define _Acquires_lock_(l)
#endif
#ifndef _Releases_lock_
# define _Releases_lock_(l)
#endif
#ifndef _Acquires_exclusive_lock_
# define _Acquires_exclusive_lock_(l)
#endif
#ifndef _Releases_exclusive_lock_
# define _Releases_exclusive_lock_(l)
#endif
#ifndef _Acquires_shared_lock_
# define _Acquires_shared_lock_(l)
#endif
#ifndef _Releases_shared_lock_
# define _Releases_shared_lock_(l)
#endif
#ifndef _Requires_lock_held_
# define _Requires_lock_held_(l)
#endif
#ifndef _Requires_lock_not_held_
# define _Requires_lock_not_held_(l)
#endif
#ifndef _Requires_exclusive_lock_held_
# define _Requires_exclusive_lock_held_(l)
#endif
#ifndef _Requires_shared_lock_held_
# define _Requires_shared_lock_held_(l)
#endif
#ifndef _Requires_no_locks_held_
# define _Requires_no_locks_held_
#endif
#ifndef _Guarded_by_
# define _Guarded_by_(l)
#endif
#ifndef _Write_guarded_by_
# define _Write_guarded_by_(l)
#endif
#ifndef _Interlocked_
# define _Interlocked_
#endif
#ifndef _Interlocked_operand_
# define _Interlocked_operand_
#endif
#ifndef _Post_same_lock_
# define _Post_same_lock_(a,b)
#endif
#ifndef _Create_lock_level_
# define _Create_lock_level_(n)
#endif
#ifndef _Has_lock_kind_
# define _Has_lock_kind_(k)
#endif
#ifndef _Has_lock_level_
# define _Has_lock_level_(n)
#endif
#ifndef _Lock_level_order_
# define _Lock_level_order_(a,b)
#endif
#ifndef _No_competing_thread_
# define _No_competing_thread_
#endif
#ifndef _No_competing_thread_begin_
# define _No_competing_thread_begin_
#endif
#ifndef _No_competing_thread_end_
# define _No_competing_thread_end_
#endif
#ifndef _Benign_race_begin_
# define _Benign_race_begin_
#endif
#ifndef _Benign_race_end_
# define _Benign_race_end_
#endif
#ifndef _Analysis_assume_lock_held_
# define _Analysis_assume_lock_held_(l)
#endif
#ifndef _Analysis_assume_lock_acquired_
# define _Analysis_assume_lock_acquired_(l)
#endif
#ifndef _Analysis_assume_lock_released_
# define _Analysis_assume_lock_released_(l)
#endif
#ifndef _Analysis_assume_lock_not_held_
# define _Analysis_assume_lock_not_held_(l)
#endif
#ifndef _Analysis_assume_same_lock_
# define _Analysis_assume_same_lock_(a,b)
#endif
#ifndef _Analysis_suppress_lock_checking_
# define _Analysis_suppress_lock_checking_(l)
#endif

/* SAL 2: Analysis */

#ifndef _Analysis_assume_
# define _Analysis_assume_(e)
#endif
#ifndef _Analysis_assume_nullterminated_
# define _Analysis_assume_nullterminated_(p)
#endif
#ifndef _Analysis_noreturn_
# define _Analysis_noreturn_
#endif
#ifndef _Analysis_mode_
# define _Analysis_mode_(m)
#endif
#ifndef _Inexpressible_
# define _Inexpressible_(e)
#endif
#ifndef _SA_annotes0
# define _SA_annotes0(n)
#endif
#ifndef _SA_annotes1
# define _SA_annotes1(n,a)
#endif
#ifndef _SA_annotes2
# define _SA_annotes2(n,a,b)
#endif
#ifndef _SA_annotes3
# define _SA_annotes3(n,a,b,c)
#endif

/* SAL 1 (the older double-underscore spellings) */

#ifndef __inout
# define __inout
#endif
#ifndef __in_opt
# define __in_opt
#endif
#ifndef __out_opt
# define __out_opt
#endif
#ifndef __inout_opt
# define __inout_opt
#endif
#ifndef __in_z
# define __in_z
#endif
#ifndef __in_z_opt
# define __in_z_opt
#endif
#ifndef __out_z
# define __out_z
#endif
#ifndef __out_z_opt
# define __out_z_opt
#endif
#ifndef __inout_z
# define __inout_z
#endif
#ifndef __in_nz
# define __in_nz
#endif
#ifndef __out_nz
# define __out_nz
#endif
#ifndef __inout_nz
# define __inout_nz
#endif
#ifndef __in_ecount
# define __in_ecount(s)
#endif
#ifndef __in_bcount
# define __in_bcount(s)
#endif
#ifndef __in_ecount_opt
# define __in_ecount_opt(s)
#endif
#ifndef __in_bcount_opt
# define __in_bcount_opt(s)
#endif
#ifndef __in_ecount_z
# define __in_ecount_z(s)
#endif
#ifndef __in_bcount_z
# define __in_bcount_z(s)
#endif
#ifndef __in_ecount_nz
# define __in_ecount_nz(s)
#endif
#ifndef __in_xcount
# define __in_xcount(s)
#endif
#ifndef __in_xcount_opt
# define __in_xcount_opt(s)
#endif
#ifndef __out_ecount
# define __out_ecount(s)
#endif
#ifndef __out_bcount
# define __out_bcount(s)
#endif
#ifndef __out_ecount_opt
# define __out_ecount_opt(s)
#endif
#ifndef __out_bcount_opt
# define __out_bcount_opt(s)
#endif
#ifndef __out_ecount_z
# define __out_ecount_z(s)
#endif
#ifndef __out_bcount_z
# define __out_bcount_z(s)
#endif
#ifndef __out_ecount_part
# define __out_ecount_part(s,l)
#endif
#ifndef __out_bcount_part
# define __out_bcount_part(s,l)
#endif
#ifndef __out_ecount_part_opt
# define __out_ecount_part_opt(s,l)
#endif
#ifndef __out_bcount_part_opt
# define __out_bcount_part_opt(s,l)
#endif
#ifndef __out_ecount_full
# define __out_ecount_full(s)
#endif
#ifndef __out_bcount_full
# define __out_bcount_full(s)
#endif
#ifndef __out_ecount_full_opt
# define __out_ecount_full_opt(s)
#endif
#ifndef __out_bcount_full_opt
# define __out_bcount_full_opt(s)
#endif
#ifndef __out_ecount_z_opt
# define __out_ecount_z_opt(s)
#endif
#ifndef __out_xcount
# define __out_xcount(s)
#endif
#ifndef __out_xcount_opt
# define __out_xcount_opt(s)
#endif
#ifndef __out_xcount_part
# define __out_xcount_part(s,l)
#endif
#ifndef __out_xcount_full
# define __out_xcount_full(s)
#endif
#ifndef __inout_ecount
# define __inout_ecount(s)
#endif
#ifndef __inout_bcount
# define __inout_bcount(s)
#endif
#ifndef __inout_ecount_opt
# define __inout_ecount_opt(s)
#endif
#ifndef __inout_bcount_opt
# define __inout_bcount_opt(s)
#endif
#ifndef __inout_ecount_z
# define __inout_ecount_z(s)
#endif
#ifndef __inout_bcount_z
# define __inout_bcount_z(s)
#endif
#ifndef __inout_ecount_part
# define __inout_ecount_part(s,l)
#endif
#ifndef __inout_bcount_part
# define __inout_bcount_part(s,l)
#endif
#ifndef __inout_ecount_full
# define __inout_ecount_full(s)
#endif
#ifndef __inout_bcount_full
# define __inout_bcount_full(s)
#endif
#ifndef __inout_xcount
# define __inout_xcount(s)
#endif
#ifndef __deref_out
# define __deref_out
#endif
#ifndef __deref_out_opt
# define __deref_out_opt
#endif
#ifndef __deref_opt_out
# define __deref_opt_out
#endif
#ifndef __deref_opt_out_opt
# define __deref_opt_out_opt
#endif
#ifndef __deref_out_z
# define __deref_out_z
#endif
#ifndef __deref_out_ecount
# define __deref_out_ecount(s)
#endif
#ifndef __deref_out_bcount
# define __deref_out_bcount(s)
#endif
#ifndef __deref_out_ecount_opt
# define __deref_out_ecount_opt(s)
#endif
#ifndef __deref_out_bcount_opt
# define __deref_out_bcount_opt(s)
#endif
#ifndef __deref_out_ecount_part
# define __deref_out_ecount_part(s,l)
#endif
#ifndef __deref_out_bcount_part
# define __deref_out_bcount_part(s,l)
#endif
#ifndef __deref_out_ecount_full
# define __deref_out_ecount_full(s)
#endif
#ifndef __deref_out_bcount_full
# define __deref_out_bcount_full(s)
#endif
#ifndef __deref_out_xcount
# define __deref_out_xcount(s)
#endif
#ifndef __deref_in
# define __deref_in
#endif
#ifndef __deref_in_opt
# define __deref_in_opt
#endif
#ifndef __deref_inout
# define __deref_inout
#endif
#ifndef __deref_inout_opt
# define __deref_inout_opt
#endif
#ifndef __deref_inout_z
# define __deref_inout_z
#endif
#ifndef __deref_out_range
# define __deref_out_range(lo,hi)
#endif
#ifndef __deref_opt_out_bcount
# define __deref_opt_out_bcount(s)
#endif
#ifndef __deref_opt_out_ecount
# define __deref_opt_out_ecount(s)
#endif
#ifndef __checkReturn
# define __checkReturn
#endif
#ifndef __success
# define __success(e)
#endif
#ifndef __nullterminated
# define __nullterminated
#endif
#ifndef __nullnullterminated
# define __nullnullterminated
#endif
#ifndef __reserved_opt
# define __reserved_opt
#endif
#ifndef __field_ecount
# define __field_ecount(s)
#endif
#ifndef __field_bcount
# define __field_bcount(s)
#endif
#ifndef __field_ecount_opt
# define __field_ecount_opt(s)
#endif
#ifndef __field_bcount_opt
# define __field_bcount_opt(s)
#endif
#ifndef __field_ecount_part
# define __field_ecount_part(s,l)
#endif
#ifndef __field_bcount_part
# define __field_bcount_part(s,l)
#endif
#ifndef __field_ecount_full
# define __field_ecount_full(s)
#endif
#ifndef __field_bcount_full
# define __field_bcount_full(s)
#endif
#ifndef __field_range
# define __field_range(lo,hi)
#endif
#ifndef __field_xcount
# define __field_xcount(s)
#endif
#ifndef __in_range
# define __in_range(lo,hi)
#endif
#ifndef __out_range
# define __out_range(lo,hi)
#endif
#ifndef __range
# define __range(lo,hi)
#endif
#ifndef __bcount
# define __bcount(s)
#endif
#ifndef __ecount
# define __ecount(s)
#endif
#ifndef __bcount_opt
# define __bcount_opt(s)
#endif
#ifndef __ecount_opt
# define __ecount_opt(s)
#endif
#ifndef __xcount
# define __xcount(s)
#endif
#ifndef __format_string
# define __format_string
#endif
#ifndef __analysis_assume
# define __analysis_assume(e)
#endif
#ifndef __analysis_noreturn
# define __analysis_noreturn
#endif
#ifndef __typefix
# define __typefix(t)
#endif
#ifndef __notnull
# define __notnull
#endif
#ifndef __maybenull
# define __maybenull
#endif
#ifndef __post
# define __post
#endif
#ifndef __deref
# define __deref
#endif
#ifndef __readonly
# define __readonly
#endif
#ifndef __exceptthat
# define __exceptthat
#endif
#ifndef __drv_allocatesMem
# define __drv_allocatesMem(k)
#endif
#ifndef __drv_freesMem
# define __drv_freesMem(k)
#endif
#ifndef __drv_aliasesMem
# define __drv_aliasesMem
#endif
#ifndef __control_entrypoint
# define __control_entrypoint(c)
#endif
#ifndef __data_entrypoint
# define __data_entrypoint(c)
#endif
#ifndef __fallthrough
# define __fallthrough
#endif
#ifndef __inner_checkReturn
# define __inner_checkReturn
#endif
#ifndef __assume_bound
# define __assume_bound(e)
#endif
#ifndef __allocator
# define __allocator
#endif
#ifndef __possibly_notnullterminated
# define __possibly_notnullterminated
#endif

/* SAL 1 names that clash with system headers: only on request (see the top of this file) */

#ifdef IISSIM_SAL1_CLASHING_NAMES
#ifndef __in
# define __in
#endif
#ifndef __out
# define __out
#endif
#ifndef __reserved
# define __reserved
#endif
#ifndef __pre
# define __pre
#endif
#ifndef __callback
# define __callback
#endif
#ifndef __override
# define __override
#endif
#endif

#endif  /* _SAL_H_ */

/**
 * Words that end a unit's name when written in lower case: the verbs and adverbs that follow
 * the subject of an assignment ("Ban Tuyên giáo Tỉnh ủy chủ trì, ..."), and the prepositions
 * that close a noun phrase. Capitalised, the same word belongs to a name (Sở Xây dựng).
 */
export const NAME_ENDING_WORDS: readonly string[] = [
  "chủ trì", "phối hợp", "chỉ đạo", "lãnh đạo", "xây dựng", "tổ chức", "triển khai", "thực hiện", "hướng dẫn",
  "tham mưu", "theo dõi", "gửi", "báo cáo", "có trách nhiệm", "chịu trách nhiệm", "tiến hành", "rà soát", "ban hành",
  "cử", "chuẩn bị", "kiểm tra", "đôn đốc", "tổng hợp", "nghiên cứu", "bố trí", "căn cứ", "quán triệt", "phổ biến",
  "tuyên truyền", "đề xuất", "kiện toàn", "lựa chọn", "là", "được", "sẽ", "cần", "phải", "tiếp tục", "thường xuyên",
  "khẩn trương", "trực tiếp", "chủ động", "tăng cường", "đẩy mạnh", "nâng cao", "bảo đảm", "đảm bảo", "quản lý",
  "giám sát", "xem xét", "tập trung", "phân công", "huy động", "cung cấp", "tạo điều kiện", "lồng ghép", "duy trì",
  "phát động", "bám", "thống nhất", "tích cực", "nghiêm túc", "bám sát", "trình", "tham gia", "vận động", "đánh giá",
  "biểu dương", "khen thưởng", "hỗ trợ", "cân đối", "sắp xếp", "phát hành", "công bố", "đăng tải", "thông báo",
  "phụ trách", "làm", "tổng kết", "sơ kết", "kiểm điểm", "bổ sung", "sửa đổi", "cập nhật", "theo", "về", "tại", "trong",
  "để", "nhằm", "khi", "với", "đối với", "cho", "từ", "đến", "trước", "sau", "qua", "thuộc", "gồm", "như", "thì", "đã",
  "đang", "chưa", "không", "có", "đề nghị", "yêu cầu", "giao", "ký", "dự toán", "mua sắm", "thành lập", "hoàn thành",
  "hoàn thiện", "rút kinh nghiệm", "khảo sát", "lập", "ưu tiên", "bảo vệ", 
  "đưa", "nắm", "phát huy", "quan tâm", "thẩm định", "phê duyệt", "chấp hành", "tuân thủ", "xử lý", "giải quyết",
  "đề ra", "chọn", "tăng", "giảm", "trả lời", "rà", "hằng năm", "hàng năm", "định kỳ", "năm", "tháng", "ngày",
  "nếu", "mà", "này", "đó", "trên", "dưới", "ra", "vào", "tham dự", "dự", "họp", "soạn thảo", "biên soạn", "in", "quy định", "về việc", "phấn đấu", "nâng", "đạt", "tiếp nhận", "nắm bắt", "kịp thời", "sớm", "giữ", "xác định", "v/v", "nêu", "nêu trên", "kèm theo",
  // Not "điều tra", "đăng ký", "thanh toán": lower case inside names (Cơ quan Cảnh sát điều tra, Văn phòng đăng ký đất đai).
  "niêm yết", "cam kết", "thu thập", "phân bổ", "quyết toán", "chi trả",
];

/**
 * Lower-case runs that keep a name going although a word in them ends names ("các cơ quan có liên
 * quan"; "giao" assigns work, but "Đội Cảnh sát giao thông - trật tự" is a police team's name).
 */
export const NAME_CONTINUING_PHRASES: readonly string[] = ["có liên quan", "liên quan", "giao thông - trật tự", "giao thông", "trực thuộc", "thuộc tỉnh", "thuộc thành phố", "thuộc huyện"];
